# English admin users still type dates the Vietnamese way the admin shows them.
from ..vi.formats import DATE_INPUT_FORMATS, DATETIME_INPUT_FORMATS  # noqa: F401
