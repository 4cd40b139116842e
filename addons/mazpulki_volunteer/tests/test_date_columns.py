from odoo.tests import HttpCase, tagged

from .common import MazpulkiVolunteerCommon


@tagged("post_install", "-at_install")
class TestDateColumns(MazpulkiVolunteerCommon, HttpCase):
    def test_hours_list_shows_whole_latvian_dates(self):
        # Odoo gives a date column 80 px, the width of "11/30/2026"; "2026.11.30." was cut in every list
        self.env["res.lang"]._activate_lang("lv_LV")
        self.user_coordinator_riga.lang = "lv_LV"
        self._line(self.volunteer_madara, 2, volunteer_state="submitted")
        self.start_tour("/odoo/volunteer-hours", "mazpulki_date_column_width", login=self.user_coordinator_riga.login)
