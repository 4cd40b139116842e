import io
import json
import re
import shutil
import subprocess
import tempfile
import unittest
import zipfile

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.bus.models.bus import channel_with_db, json_dump

from .common import MazpulkiCommon


@tagged("post_install", "-at_install")
class TestLatvian(MazpulkiCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("lv_LV")
        cls.env["ir.module.module"].search([("name", "=", "mazpulki_members")])._update_translations(["lv_LV"])

    def test_validation_messages_speak_latvian(self):
        member = self.member_a.with_context(lang="lv_LV")
        with self.assertRaises(ValidationError) as caught:
            member.personal_code = "12345"
        message = str(caught.exception)
        self.assertNotIn("is not a valid Latvian personal code", message)
        self.assertIn("12345", message)

    def test_menu_and_fields_speak_latvian(self):
        club_field = self.env["res.partner"].with_context(lang="lv_LV").fields_get(["mazpulki_club_id"])
        self.assertEqual(club_field["mazpulki_club_id"]["string"], "Mazpulks")
        region = self.env.ref("mazpulki_members.region_riga").with_context(lang="lv_LV")
        self.assertEqual(region.name, "Rīga/Pierīga")

    def test_moving_a_member_to_another_club_is_refused_in_latvian(self):
        member = self.member_a.with_user(self.user_leader_a).with_context(lang="lv_LV")
        with self.assertRaises(UserError) as caught:
            member.mazpulki_club_id = self.club_b
        message = str(caught.exception)
        self.assertIn("nav jūsu vadīts mazpulks", message)
        self.assertIn("Pieprasīt pārcelšanu", message)
        self.assertNotIn("access", message)

    def test_member_list_name_column_reads_vards_uzvards(self):
        view = self.env.ref("mazpulki_members.res_partner_view_list_member")
        arch = self.env["res.partner"].with_context(lang="lv_LV").get_view(view.id)["arch"]
        self.assertIn('string="Vārds, uzvārds"', arch)

    def test_odoos_own_terms_the_office_meets_speak_latvian(self):
        # Odoo 18 leaves "Download (vCard)" in the contacts' Actions menu untranslated; i18n_extra/lv.po fills it
        action = self.env.ref("web.download_contact").with_context(lang="lv_LV")
        self.assertEqual(action.name, "Lejupielādēt (vCard)")

    def test_record_rule_refusal_is_plain_latvian(self):
        """A leader opening another club's member reads that the record is not hers, in Latvian."""
        self.user_leader_a.lang = "lv_LV"
        with mute_logger("odoo.addons.base.models.ir_rule"), self.assertRaises(AccessError) as caught:
            self.member_b.with_user(self.user_leader_a).check_access("read")
        message = str(caught.exception)
        self.assertEqual(
            message,
            "Šis ieraksts nav jūsu, tāpēc to nevar atvērt.\nJa tas jums ir vajadzīgs, jautājiet Mazpulku birojā.",
        )
        for technical in ("res.partner", "id=", "top-secret", "Uh-oh", str(self.member_b.id)):
            self.assertNotIn(technical, message)

    def test_acl_refusal_is_plain_latvian(self):
        self.user_employee.lang = "lv_LV"
        error = self.env["ir.model.access"].with_user(self.user_employee)._make_access_error("mazpulki.club", "write")
        self.assertEqual(
            str(error), "Jūsu loma neļauj mainīt šos ierakstus.\nJa tie jums ir vajadzīgi, jautājiet Mazpulku birojā."
        )

    def test_technical_features_outside_debug_mode_read_plain_words(self):
        """Odoo's details (rules, records) are for debug mode only, where group_no_one counts."""
        self.user_leader_a.groups_id += self.env.ref("base.group_no_one")
        with mute_logger("odoo.addons.base.models.ir_rule"), self.assertRaises(AccessError) as caught:
            self.member_b.with_user(self.user_leader_a).check_access("read")
        self.assertNotIn("res.partner", str(caught.exception))
        self.assertIn("This record is not yours", str(caught.exception))

    def test_error_pages_speak_latvian_over_odoo(self):
        """The 403 page: the suite's Latvian wins over Odoo's, loaded before or after it."""
        Module = self.env["ir.module.module"]
        page = self.env.ref("http_routing.403")
        # a language installed later: Odoo's terms, then the suite's (dependency order)
        Module.search([("name", "in", ("http_routing", "mazpulki_members"))])._update_translations(["lv_LV"])
        self.assertIn("403: Piekļuve liegta", page.with_context(lang="lv_LV").arch_db)
        # Odoo's terms written over the suite's (an update with --i18n-overwrite) ...
        Module.search([("name", "=", "http_routing")])._update_translations(["lv_LV"], overwrite=True)
        self.assertIn("403: Aizliegts", page.with_context(lang="lv_LV").arch_db)
        # ... come back at the suite's next update
        Module._mazpulki_load_extra_terms("mazpulki_members")
        arch = page.with_context(lang="lv_LV").arch_db
        self.assertIn("403: Piekļuve liegta", arch)
        self.assertIn("Jums nav piekļuves lapai, kuru atvērāt.", arch)

    def test_the_public_forms_errors_speak_latvian(self):
        """The website form's errors (the contact page, /contactus) are Latvian.

        Odoo's website has no Latvian for them, so the web client's one map of terms
        takes the suite's (mazpulki_members/i18n_extra/lv.po) whatever the modules' order.
        """
        from odoo.tools.translate import code_translations

        def terms(module):
            return {m["id"]: m["string"] for m in code_translations.get_web_translations(module, "lv_LV")["messages"]}

        website, ours = terms("website"), terms("mazpulki_members")
        for term, latvian in (
            ("Please fill in the form correctly.", "Lūdzu, aizpildiet veidlapu pareizi."),
            ("An error has occured, the form has not been sent.", "Radās kļūda, veidlapa netika nosūtīta."),
            ("Uploaded file is too large.", "Augšupielādētais fails ir pārāk liels."),
        ):
            self.assertEqual(ours.get(term), latvian)
            self.assertIn(website.get(term), (None, latvian), "Odoo's own Latvian would race with the suite's")

    def test_the_queued_import_tells_its_manager_in_latvian(self):
        """The scheduled action runs the import in the language of the manager who queued it."""
        manager = new_test_user(
            self.env, login="lv_importer", groups="mazpulki_members.group_mazpulki_manager", lang="lv_LV"
        )
        record = self.env["mazpulki.register.import"].with_user(manager).create({"name": "Imports"})
        record.state = "checked"  # checked, then its file went missing: the job fails, and says why
        record.action_import()
        with mute_logger("odoo.addons.mazpulki_members.models.mazpulki_register_import"):
            self.env["mazpulki.register.import"]._cron_import_registers()
        self.assertEqual(record.state, "failed")
        self.assertEqual(record.error_message, "Vispirms augšupielādējiet aizpildīto veidni.")
        self.env.cr.precommit.run()
        channel = json_dump(channel_with_db(self.env.cr.dbname, manager.partner_id))
        notification = json.loads(self.env["bus.bus"].sudo().search([("channel", "=", channel)]).message)
        self.assertEqual(notification["payload"]["title"], "Reģistru imports neizdevās")

    @unittest.skipUnless(shutil.which("pdftotext"), "poppler's pdftotext reads the PDF's text back")
    def test_family_data_pdf_names_a_person_in_latvian(self):
        """The family's download reads "Vārds, uzvārds" for the member's name, never Odoo's "Nosaukums"."""
        liga = self.env.ref("mazpulki_members.member_liga_demo")
        # wkhtmltopdf would fetch the styles from the test server: a closed port answers at once
        self.env["ir.config_parameter"].set_param("report.url", "http://127.0.0.1:9")
        content, _filename = (
            self.env["mazpulki.data.export"]
            .sudo()
            .with_context(force_report_rendering=True)
            ._mazpulki_export(liga, liga.user_ids[:1], lang="lv_LV")
        )
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            pdf = next(archive.read(name) for name in archive.namelist() if name.endswith(".pdf"))
        with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
            file.write(pdf)
            file.flush()
            text = subprocess.run(["pdftotext", "-enc", "UTF-8", file.name, "-"], check=True, capture_output=True)
        text = text.stdout.decode()
        self.assertRegex(text, r"Vārds, uzvārds\s+" + re.escape(liga.name))
        # "Nosaukums" stays for things (a project's title), never for the member
        self.assertNotRegex(text, r"Nosaukums\s+" + re.escape(liga.name))
        # dates read as the Latvian back office writes them (2024.09.01.), never ISO (2024-09-01)
        membership = liga.mazpulki_membership_ids.filtered("date_join")[:1]
        self.assertTrue(membership)
        self.assertIn(membership.date_join.strftime("%Y.%m.%d."), text)
        self.assertNotIn(membership.date_join.isoformat(), text)
        self.assertRegex(text, r"Sagatavots \d{4}\.\d{2}\.\d{2}\. \d{2}:\d{2}")
        # Odoo's "Zip" (its Latvian is the English word) is the postal code
        self.assertRegex(text, r"Pasta indekss\s+" + re.escape(liga.zip))
