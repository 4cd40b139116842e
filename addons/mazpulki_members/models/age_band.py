"""The age bands of the organisation: one definition for the desk, the lists and the statistics.

Each band is ``(key, label, lowest age, highest age)``, ages in whole years
on the day that matters (the event's first day at the desk, the end of the
year in the statistics). The limits follow Latvian law, so that a band never
straddles a rule the suite applies:

- 7: school starts (Education Law, art. 17);
- 13: the age of digital consent (GDPR art. 8; Personal Data Processing
  Law, art. 33): a member from 13 consents alone, younger ones through a
  guardian;
- 18: majority (Civil Law): a guardian's approval of events ends;
- 25: the upper age of membership and of youth (Youth Law, art. 1).

Anyone older (leaders, parents at an event) is in the last band; anyone
younger than 5 in the first.
"""

AGE_BANDS = (
    ("5_6", "5–6 years", 0, 6),
    ("7_12", "7–12 years", 7, 12),
    ("13_17", "13–17 years", 13, 17),
    ("18_25", "18–25 years", 18, 25),
    ("26_plus", "26 years and older", 26, 999),
)

AGE_BAND_SELECTION = [(key, label) for key, label, _low, _high in AGE_BANDS]


def age_band_of(age):
    """The key of the age band of someone ``age`` years old (an int), or None without an age."""
    if age is None or age is False:
        return None
    return next((key for key, _label, low, high in AGE_BANDS if low <= age <= high), AGE_BANDS[-1][0])
