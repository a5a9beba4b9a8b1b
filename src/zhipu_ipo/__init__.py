"""zhipu_ipo: exact, sourced numbers from Chinese financial news about Hong Kong IPOs."""

from .errors import InputError, ParseError, ZhipuIpoError
from .models import Extraction, Fact, Mention

__version__ = "0.1.0"
