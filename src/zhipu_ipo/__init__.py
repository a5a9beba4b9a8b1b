"""zhipu_ipo: exact, sourced numbers from Chinese financial news about Hong Kong IPOs.

>>> import zhipu_ipo
>>> ex = zhipu_ipo.extract("2024年，智谱营收3.124亿元，同比增长151%。")
>>> [(f.metric, f.period, str(f.value)) for f in ex.facts]
[('revenue', '2024', '312400000'), ('revenue_growth', '2024', '151')]
"""

from .analytics import FxTable
from .corpus import Corpus, extract_file, load
from .engines import EngineError, RunSummary, SourcedCorpus, extract_corpus
from .errors import InputError, ParseError, ZhipuIpoError
from .extractor import extract
from .io import iter_article_paths, read_text
from .models import Extraction, Fact, Mention
from .normalization import Normalized, normalize
from .numbers import Amount, find_amounts, format_amount, parse_amount
from .periods import Period, find_dates, find_periods, parse_date, parse_period

__version__ = "0.1.0"

__all__ = [
    "Amount", "Corpus", "EngineError", "Extraction", "Fact", "FxTable", "InputError", "RunSummary",
    "SourcedCorpus", "extract_corpus", "Mention", "Normalized", "ParseError",
    "Period", "ZhipuIpoError", "extract", "extract_file", "find_amounts", "find_dates",
    "find_periods", "format_amount", "iter_article_paths", "load", "normalize", "parse_amount",
    "parse_date", "parse_period", "read_text",
]
