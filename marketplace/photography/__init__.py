"""Photo pipeline for artisan product photos (plain Pillow + numpy; no Django import).

from marketplace.photography import process_photo
result = process_photo(data, aspect="1:1")
"""

from .derivatives import DERIVATIVE_FORMATS, DERIVATIVE_WIDTHS, Derivative
from .enhance import ASPECTS
from .io import Limits, PhotoRejected, check_photo, sniff_format
from .pipeline import PIPELINE_VERSION, PipelineResult, analyse_photo, preview_jpeg, process_photo
from .report import QualityCheck, QualityReport

__all__ = [
    "ASPECTS",
    "DERIVATIVE_FORMATS",
    "DERIVATIVE_WIDTHS",
    "PIPELINE_VERSION",
    "Derivative",
    "Limits",
    "PhotoRejected",
    "PipelineResult",
    "QualityCheck",
    "QualityReport",
    "analyse_photo",
    "check_photo",
    "preview_jpeg",
    "process_photo",
    "sniff_format",
]
