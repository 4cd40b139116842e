from . import mazpulki_card_report
