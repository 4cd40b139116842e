from . import demo_school_year
