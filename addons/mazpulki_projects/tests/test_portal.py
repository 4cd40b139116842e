from datetime import date

from dateutil.relativedelta import relativedelta

from odoo.tests import HttpCase, new_test_user, tagged

from .common import PNG, ProjectsCommon


@tagged("post_install", "-at_install")
class TestPortal(ProjectsCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_madara = new_test_user(
            cls.env, login="madara", groups="base.group_portal", partner_id=cls.member_a.id, name=cls.member_a.name
        )
        cls.env["mazpulki.consent"].create(
            {"member_id": cls.member_b.id, "given_by_id": cls.guardian_b.id, "consent_type": "data_processing"}
        )
        cls.user_inga = new_test_user(
            cls.env, login="inga", groups="base.group_portal", partner_id=cls.guardian_b.id, name=cls.guardian_b.name
        )
        # Roberts' project, completed, with a photo: what Madara must never see.
        cls.project_b = cls._create_project("completed", member=cls.member_b, name="Roberta bišu drava")
        cls.project_b.evidence_ids = [
            (0, 0, {"name": "bites.png", "raw": PNG, "res_model": "mazpulki.project", "res_id": cls.project_b.id})
        ]
        cls.evidence_b = cls.project_b.evidence_ids

    def _post(self, url, data):
        return self.url_open(url, data={**data, "csrf_token": self._token()})

    def _token(self):
        page = self.url_open(f"/my/projects/new/{self.theme.id}").text
        return page.split('name="csrf_token" value="')[1].split('"')[0]

    def test_others_projects_are_404_everywhere(self):
        self.authenticate("madara", "madara")
        b = self.project_b
        for url in (
            f"/my/projects/{b.id}",
            f"/my/projects/{b.id}/edit",
            f"/my/projects/{b.id}/report",
            f"/my/projects/{b.id}/evidence/{self.evidence_b.id}",
            f"/my/projects/{b.id}/certificate/{self.member_b.id}",
            f"/my/projects/{b.id + 100000}",
        ):
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertEqual(response.status_code, 404)
                self.assertNotIn("bišu", response.text)
                self.assertNotIn("Roberts", response.text)
        # Odoo's own URLs refuse as well: the file and the report.
        for url in (
            f"/web/content/{self.evidence_b.id}",
            f"/web/content/{self.evidence_b.id}?download=true",
            f"/report/pdf/mazpulki_projects.report_project_certificate/{b.id}",
        ):
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertIn(response.status_code, (403, 404), url)
                self.assertNotIn(PNG[:8], response.content)
                self.assertNotIn("Roberts", response.text)
        # /web/image answers with a placeholder picture, never the photo.
        self.assertNotEqual(self.url_open(f"/web/image/{self.evidence_b.id}").content, PNG)
        # The list shows none of it.
        listing = self.url_open("/my/projects").text
        self.assertNotIn("bišu", listing)

    def test_guardian_reads_evidence_evaluation_and_certificate(self):
        self.project_b.write({"state": "report_submitted"})
        self._review(self.project_b, self.user_leader_b, 8, 8, comment="Lieliska drava!")
        self.project_b.write({"state": "completed"})
        self.authenticate("inga", "inga")
        page = self.url_open(f"/my/projects/{self.project_b.id}").text
        self.assertIn("Lieliska drava!", page)
        photo = self.url_open(f"/my/projects/{self.project_b.id}/evidence/{self.evidence_b.id}")
        self.assertEqual(photo.status_code, 200)
        self.assertEqual(photo.headers["Content-Type"], "image/png")
        self.assertIn("attachment", photo.headers["Content-Disposition"])
        self.assertEqual(photo.headers["X-Content-Type-Options"], "nosniff")
        pdf = self.url_open(f"/my/projects/{self.project_b.id}/certificate/{self.member_b.id}")
        self.assertEqual(pdf.status_code, 200)
        self.assertEqual(pdf.headers["Content-Type"], "application/pdf")

    def test_apply_save_draft_then_submit(self):
        self.authenticate("madara", "madara")
        data = {
            "theme_id": self.theme.id,
            "member_id": self.member_a.id,
            "name": "Tomāti siltumnīcā",
            "goal": "Izaudzēt tomātus.",
            "plan": "",
            "expected_result": "",
            "action": "save",
        }
        response = self._post("/my/projects/save", data)
        project = self.env["mazpulki.project"].search(
            [("name", "=", "Tomāti siltumnīcā"), ("member_ids", "in", self.member_a.ids)]
        )
        self.assertEqual(project.state, "draft")
        self.assertEqual(project.member_ids, self.member_a)
        self.assertEqual(project.club_id, self.club_a)
        self.assertIn("Your draft was saved", response.text)
        # Submitting an incomplete draft: refused, typed values shown back, the draft kept.
        response = self._post(
            "/my/projects/save", {**data, "project_id": project.id, "plan": "Martā sēju.", "action": "submit"}
        )
        self.assertIn("Fill in the expected result", response.text)
        self.assertIn("Martā sēju.", response.text)
        self.assertEqual(project.state, "draft")
        response = self._post(
            "/my/projects/save",
            {**data, "project_id": project.id, "plan": "Martā sēju.", "expected_result": "20 kg", "action": "submit"},
        )
        self.assertEqual(project.state, "submitted")
        self.assertIn("Your application was submitted", response.text)
        # Submitted: the form no longer edits it.
        self._post("/my/projects/save", {**data, "project_id": project.id, "name": "Cits", "action": "save"})
        self.assertEqual(project.name, "Tomāti siltumnīcā")

    def test_abandon_own_project_only(self):
        own = self._create_project("in_progress")
        self.authenticate("madara", "madara")
        token = self._token()
        self.assertEqual(
            self.url_open(f"/my/projects/{self.project_b.id}/abandon", data={"csrf_token": token}).status_code, 404
        )
        self.assertEqual(self.project_b.state, "completed")
        self.url_open(f"/my/projects/{own.id}/abandon", data={"csrf_token": token})
        self.assertEqual(own.state, "abandoned")

    def test_closed_window_keeps_what_was_typed(self):
        self.authenticate("madara", "madara")
        # the form was opened while the window was open, and sent after it closed
        token = self._token()
        self.theme.date_close = self.today - relativedelta(days=1)
        self.theme.date_open = self.today - relativedelta(days=30)
        response = self.url_open(
            "/my/projects/save",
            data={
                "theme_id": self.theme.id,
                "member_id": self.member_a.id,
                "name": "Par vēlu",
                "goal": "Mans mērķis ar garumzīmēm",
                "action": "save",
                "csrf_token": token,
            },
        )
        self.assertIn("are accepted from", response.text)
        self.assertIn('value="Par vēlu"', response.text)
        self.assertIn("Mans mērķis ar garumzīmēm", response.text)
        self.assertFalse(self.env["mazpulki.project"].search([("name", "=", "Par vēlu")]))

    def test_closed_theme_says_so_and_offers_the_open_ones(self):
        closed = self.theme.copy({"name": "Slēgta tēma", "is_published": True})
        closed.write({"date_open": date(2019, 1, 7), "date_close": date(2019, 3, 1)})
        later = self.theme.copy({"name": "Nākamā tēma", "is_published": True})
        later.write(
            {"date_open": self.today + relativedelta(days=5), "date_close": self.today + relativedelta(days=40)}
        )
        self.authenticate("madara", "madara")
        page = self.url_open(f"/my/projects/new/{closed.id}").text
        self.assertIn("Applications for this theme are closed", page)
        self.assertIn("01/07/2019", page)  # en_US dates in tests; the Latvian page reads 07.01.2019
        self.assertIn("03/01/2019", page)
        self.assertNotIn("o_mazpulki_application_form", page)
        self.assertIn(f'href="/my/projects/new/{self.theme.id}"', page)
        self.assertNotIn(f'href="/my/projects/new/{later.id}"', page)
        page = self.url_open(f"/my/projects/new/{later.id}").text
        self.assertIn("Applications for this theme are not open yet", page)
        self.assertNotIn("o_mazpulki_application_form", page)
        # the open theme still offers the form
        self.assertIn("o_mazpulki_application_form", self.url_open(f"/my/projects/new/{self.theme.id}").text)

    def test_cannot_apply_for_someone_else(self):
        self.authenticate("madara", "madara")
        self._post(
            "/my/projects/save",
            {"theme_id": self.theme.id, "member_id": self.member_b.id, "name": "Svešs", "action": "save"},
        )
        self.assertFalse(self.env["mazpulki.project"].search([("name", "=", "Svešs")]))

    def test_report_upload_refuses_a_fake_photo(self):
        project = self._create_project("in_progress")
        self.authenticate("madara", "madara")
        token = (
            self.url_open(f"/my/projects/{project.id}/report").text.split('name="csrf_token" value="')[1].split('"')[0]
        )
        response = self.url_open(
            f"/my/projects/{project.id}/report",
            data={"report_done": "Sēju un ravēju", "report_hours": "12", "action": "save", "csrf_token": token},
            files={"evidence": ("foto.jpg", b"<html><script>alert(1)</script></html>", "image/jpeg")},
        )
        self.assertIn("foto.jpg is not a photo", response.text)
        self.assertIn("Sēju un ravēju", response.text)
        self.assertFalse(project.evidence_ids)
        self.assertEqual(project.report_done, "Iestādījām 40 stādus.")
        response = self.url_open(
            f"/my/projects/{project.id}/report",
            data={
                "report_done": "Sēju un ravēju",
                "report_results": "5 kg",
                "report_learned": "Pacietību",
                "report_hours": "12",
                "action": "submit",
                "csrf_token": token,
            },
            files={"evidence": ("raza.png", PNG, "image/png")},
        )
        self.assertEqual(project.state, "report_submitted")
        self.assertEqual(project.evidence_ids.mimetype, "image/png")
        self.assertEqual(project.report_hours, 12)

    def test_website_lists_open_themes(self):
        closed = self.theme.copy({"name": "Slēgta tēma", "is_published": True})
        closed.write(
            {"date_open": self.today - relativedelta(days=60), "date_close": self.today - relativedelta(days=30)}
        )
        page = self.url_open("/projects/themes").text
        self.assertIn("Testa tēma: Mans dārzs", page)
        self.assertIn("Audzē dārzeņus", page)
        self.assertNotIn("Slēgta tēma", page)

    def test_tour_apply_report_and_read_evaluation(self):
        self.start_tour("/my/projects", "mazpulki_projects_portal_apply", login="madara")
        project = self.env["mazpulki.project"].search(
            [("name", "=", "Zemeņu dobe"), ("member_ids", "in", self.member_a.ids)]
        )
        self.assertEqual(project.state, "submitted")
        # The leader approves; Madara reports with a photo.
        project.with_user(self.user_leader_a).action_approve()
        self.start_tour(f"/my/projects/{project.id}", "mazpulki_projects_portal_report", login="madara")
        self.assertEqual(project.state, "report_submitted")
        self.assertEqual(project.evidence_ids.mimetype, "image/png")
        # Reviewed and evaluated; Madara reads the comment.
        self._review(project, self.user_leader_a, 9, 9, comment="Ļoti rūpīgs darbs!")
        project.with_user(self.user_leader_a).action_evaluate()
        self.start_tour(f"/my/projects/{project.id}", "mazpulki_projects_portal_evaluation", login="madara")


@tagged("post_install", "-at_install")
class TestBackOffice(ProjectsCommon, HttpCase):
    def test_tour_leader_approves_from_the_kanban(self):
        self.user_leader_a.password = "leader_a"
        project = self._create_project("submitted", name="Bišu drava kanbānā")
        self.start_tour("/odoo/mazpulki-projects", "mazpulki_projects_backoffice", login="leader_a")
        self.assertEqual(project.state, "approved")
        self.assertEqual(project.decision_note, "Laba ideja, veiksmi!")
