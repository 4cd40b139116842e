from . import test_desk
