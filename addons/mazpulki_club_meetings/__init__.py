from . import controllers, models, populate
