from odoo.tests import HttpCase, tagged

from .health_common import HealthCommon

FITS = """
    if (document.documentElement.scrollWidth > window.innerWidth) {
        console.error(`the page is ${document.documentElement.scrollWidth} px wide on a ${window.innerWidth}-px phone`);
    } else {
        console.log("test successful");
    }
"""


@tagged("post_install", "-at_install")
class TestHealthTour(HealthCommon, HttpCase):
    """A guardian fills in the form on a phone; the medic reads it, the kitchen reads diet and allergies, a
    group leader the flags of her group; everybody else gets nothing, through every route."""

    browser_size = "390x844"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.health_a.unlink()  # Madara's mother has not answered yet

    def staff_data(self, login, scope=None):
        self.authenticate(login, f"{login}_pass")
        params = {"scope": scope} if scope else {}
        return self.make_jsonrpc_request(f"/event-health/{self.health_camp.id}/data", params)

    def test_guardian_fills_in_then_staff_read(self):
        self.start_tour("/my/health", "mazpulki_events_health_form", login="sandra")
        health = self.Health.sudo().search([("registration_id", "=", self.reg_a.id)])
        self.assertEqual(health.state, "given")
        self.assertEqual(health.contact2_phone, "+371 29112233")
        self.assertEqual(health.filled_by_id, self.mother_a)
        self.assertEqual(self.reg_a.mazpulki_health_state, "given")
        self.browser_js(f"/my/health/{self.reg_a.id}", FITS, login="sandra")

        # the medic reads everything
        data = self.staff_data("medic")
        row = next(r for r in data["rows"] if r["registration_id"] == self.reg_a.id)
        self.assertEqual(
            (data["scope"], row["conditions"], row["medication_times"]), ("full", "Astma", "8:00 un 20:00")
        )
        page = self.url_open(f"/event-health/{self.health_camp.id}").text
        self.assertIn("Astma", page)
        self.assertIn("+371 29112233", page)

        # the kitchen: diet and allergies only
        data = self.staff_data("kitchen")
        row = next(r for r in data["rows"] if r["registration_id"] == self.reg_a.id)
        self.assertEqual((row["allergies"], row["diet"]), ("Zemesrieksti, EpiPen somā", "Bez laktozes"))
        self.assertNotIn("conditions", row)
        page = self.url_open(f"/event-health/{self.health_camp.id}").text
        self.assertIn("Bez laktozes", page)
        self.assertNotIn("Astma", page)
        self.assertNotIn("Ventolin", page)
        self.assertNotIn("+371 26112233", page)

        # the group leader: flags of her group's children (Madara), not Roberts
        data = self.staff_data("groupleader")
        self.assertEqual([r["registration_id"] for r in data["rows"]], [self.reg_a.id])
        self.assertTrue(data["rows"][0]["has_allergy"])
        page = self.url_open(f"/event-health/{self.health_camp.id}").text
        self.assertIn("o_mazpulki_flag_allergy", page)
        self.assertNotIn("Zemesrieksti", page)
        self.assertNotIn("Roberts", page)

        logs = self.env["mazpulki.event.health.read.log"].search([("event_id", "=", self.health_camp.id)])
        self.assertEqual(set(logs.mapped("scope")), {"full", "kitchen", "flags"})
        self.assertEqual(set(logs.user_id.mapped("login")), {"medic", "kitchen", "groupleader"})

    def test_others_get_nothing(self):
        event_url = f"/event-health/{self.health_camp.id}"
        for login in ("othermedic", "officemanager", "office", "desk", "leader_a", "sandra", "aivars"):
            password = f"{login}_pass" if login not in ("leader_a",) else "leader_a"
            self.authenticate(login, password)
            with self.subTest(login=login):
                self.assertEqual(self.url_open(event_url).status_code, 404)
                self.assertEqual(self.url_open(f"{event_url}/medic.pdf").status_code, 404)
        # the kitchen and a group leader print no medic's list
        for login in ("kitchen", "groupleader"):
            self.authenticate(login, f"{login}_pass")
            with self.subTest(login=login):
                self.assertEqual(self.url_open(f"{event_url}/medic.pdf").status_code, 404)

    def test_family_pages_for_the_family_only(self):
        url = f"/my/health/{self.reg_a.id}"
        for login in ("janis", "aivars", "madara"):  # unproved parent, another family, the 15-year-old herself
            self.authenticate(login, f"{login}_pass")
            with self.subTest(login=login):
                self.assertEqual(self.url_open(url).status_code, 404)
                response = self.url_open(url, data={"allergies": "x", "csrf_token": self.csrf_token()})
                self.assertIn(response.status_code, (400, 404))
        self.assertFalse(self.Health.sudo().search([("registration_id", "=", self.reg_a.id)]))
        self.authenticate("karlis", "karlis_pass")  # 19: his own form
        self.assertEqual(self.url_open(f"/my/health/{self.reg_adult.id}").status_code, 200)
        # the 15-year-old's own list says who fills it in, not only that no camp asks
        self.authenticate("madara", "madara_pass")
        self.assertIn("For a member under 18, the guardian fills it in.", self.url_open("/my/health").text)

    def csrf_token(self):
        page = self.url_open("/my/health").text
        marker = 'csrf_token: "'
        return page.split(marker, 1)[1].split('"', 1)[0] if marker in page else ""

    def test_medic_pdf_over_http(self):
        self.env["ir.config_parameter"].sudo().set_param("report.url", "http://127.0.0.1:9")
        attachments = self.env["ir.attachment"].sudo().search_count([])
        self.authenticate("medic", "medic_pass")
        response = self.url_open(f"/event-health/{self.health_camp.id}/medic.pdf")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        self.assertEqual(self.env["ir.attachment"].sudo().search_count([]), attachments)
