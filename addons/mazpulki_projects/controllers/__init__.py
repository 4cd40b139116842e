from . import portal
from . import website
