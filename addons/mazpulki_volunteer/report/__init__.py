from . import mazpulki_volunteer_award_report
