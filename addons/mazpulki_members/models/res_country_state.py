import logging

from psycopg2 import IntegrityError

from odoo import api, models
from odoo.tools import mute_logger

_logger = logging.getLogger(__name__)

# Latvia's 43 municipalities since the administrative-territorial reform of
# 1 July 2021 (Administratīvo teritoriju un apdzīvoto vietu likums): 36 novadi
# and 7 valstspilsētas, with their ISO 3166-2:LV codes. Odoo's base data still
# lists the 110 novadi and 9 republikas pilsētas of 2009-2021.
LATVIAN_MUNICIPALITIES = {
    "LV-002": "Aizkraukles novads",
    "LV-007": "Alūksnes novads",
    "LV-011": "Ādažu novads",
    "LV-015": "Balvu novads",
    "LV-016": "Bauskas novads",
    "LV-022": "Cēsu novads",
    "LV-026": "Dobeles novads",
    "LV-033": "Gulbenes novads",
    "LV-041": "Jelgavas novads",
    "LV-042": "Jēkabpils novads",
    "LV-047": "Krāslavas novads",
    "LV-050": "Kuldīgas novads",
    "LV-052": "Ķekavas novads",
    "LV-054": "Limbažu novads",
    "LV-056": "Līvānu novads",
    "LV-058": "Ludzas novads",
    "LV-059": "Madonas novads",
    "LV-062": "Mārupes novads",
    "LV-067": "Ogres novads",
    "LV-068": "Olaines novads",
    "LV-073": "Preiļu novads",
    "LV-077": "Rēzeknes novads",
    "LV-080": "Ropažu novads",
    "LV-087": "Salaspils novads",
    "LV-088": "Saldus novads",
    "LV-089": "Saulkrastu novads",
    "LV-091": "Siguldas novads",
    "LV-094": "Smiltenes novads",
    "LV-097": "Talsu novads",
    "LV-099": "Tukuma novads",
    "LV-101": "Valkas novads",
    "LV-102": "Varakļānu novads",
    "LV-106": "Ventspils novads",
    "LV-111": "Augšdaugavas novads",
    "LV-112": "Dienvidkurzemes novads",
    "LV-113": "Valmieras novads",
    "LV-DGV": "Daugavpils",
    "LV-JEL": "Jelgava",
    "LV-JUR": "Jūrmala",
    "LV-LPX": "Liepāja",
    "LV-REZ": "Rēzekne",
    "LV-RIX": "Rīga",
    "LV-VEN": "Ventspils",
}


class ResCountryState(models.Model):
    _inherit = "res.country.state"

    @api.model
    def _mazpulki_latvian_municipalities(self):
        """Make Latvia's states the 43 municipalities of the 2021 reform.

        The three new novadi are added (xmlids ``mazpulki_members.state_lv_111`` ...),
        the others keep Odoo's records (and xmlids); a pre-2021 novads no address
        uses is deleted, one still used is kept (and logged) until the office
        corrects the address. Called at each install and update of the add-on
        (data), as an update of ``base`` brings Odoo's list back.
        """
        latvia = self.env.ref("base.lv")
        states = self.search([("country_id", "=", latvia.id)])
        by_code = {state.code: state for state in states}
        for code, name in LATVIAN_MUNICIPALITIES.items():
            state = by_code.get(code)
            if not state:
                state = self.create({"country_id": latvia.id, "code": code, "name": name})
                self.env["ir.model.data"].create(
                    {
                        "module": "mazpulki_members",
                        "name": f"state_lv_{code[3:].lower()}",
                        "model": self._name,
                        "res_id": state.id,
                        "noupdate": True,
                    }
                )
            elif state.name != name:
                state.name = name
        kept = []
        for state in states.filtered(lambda s: s.code not in LATVIAN_MUNICIPALITIES):
            try:
                with self.env.cr.savepoint(), mute_logger("odoo.sql_db"):
                    state.unlink()
            except IntegrityError:  # still referenced (ondelete restrict): kept
                kept.append(state.name)
        if kept:
            _logger.info("Pre-2021 Latvian municipalities kept while addresses use them: %s", ", ".join(kept))
        return True
