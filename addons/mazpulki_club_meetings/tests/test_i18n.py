from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import MazpulkiMeetingsCommon


@tagged("post_install", "-at_install")
class TestLatvian(MazpulkiMeetingsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("lv_LV")
        cls.env["ir.module.module"].search([("name", "=", "mazpulki_club_meetings")])._update_translations(["lv_LV"])

    def test_the_leader_reads_latvian(self):
        self.user_leader_a.lang = "lv_LV"
        RollCall = self.env["mazpulki.meeting.roll.call"].with_user(self.user_leader_a).with_context(lang="lv_LV")
        with self.assertRaisesRegex(UserError, "nav šī mazpulka mazpulcēns"):
            RollCall.mazpulki_save(self.meeting_a.id, [{"member_id": self.member_b.id, "state": "present"}], "lv-1")
        labels = dict(
            self.env["mazpulki.meeting.attendance"]
            .with_context(lang="lv_LV")
            ._fields["state"]
            ._description_selection(self.env(context={"lang": "lv_LV"}))
        )
        self.assertEqual(labels, {"present": "Klāt", "absent": "Neieradās", "excused": "Attaisnots"})
        measures = self.env["mazpulki.measure"].with_context(lang="lv_LV")._mazpulki_measures()
        self.assertEqual(measures["club.active_members"]["name"], "Aktīvie biedri (mazpulku sanāksmēs)")
