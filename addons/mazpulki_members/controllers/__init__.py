from . import portal
from . import join
from . import reenrolment
from . import export
