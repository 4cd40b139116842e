from odoo import api, models
from odoo.tools import SQL, email_normalize


class PrivacyLookupWizard(models.TransientModel):
    """Odoo's privacy lookup (Settings > Privacy) also finds the suite's records of a person.

    Odoo searches contacts by name and e-mail and, in every model, the records linking to them, except through
    links deleted with the contact (``ondelete="cascade"``): the registry's memberships, consents, guardian
    links and cards. Here those are added, a member is also found by the personal code typed as the name, and
    applications by the guardian's name or e-mail typed on them.
    """

    _inherit = "privacy.lookup.wizard"

    @api.model
    def _mazpulki_privacy_links(self):
        """``{model: [fields linking to res.partner]}`` the lookup follows besides Odoo's own; add-ons extend it."""
        return {
            "mazpulki.membership": ["member_id"],
            "mazpulki.consent": ["member_id", "given_by_id"],
            "mazpulki.guardian": ["member_id", "guardian_id"],
            "mazpulki.member.card": ["member_id"],
        }

    def _get_query(self):
        query = super()._get_query()
        name = self.name.strip()
        code = self.env["res.partner"]._normalize_personal_code(name)
        people = SQL(
            "(SELECT id FROM indirect_references UNION SELECT id FROM res_partner WHERE personal_code = %s)", code
        )
        model_ids = dict(
            self.env["ir.model"]
            .sudo()
            .search_fetch(
                [("model", "in", ["res.partner", *self._mazpulki_privacy_links(), "mazpulki.member.application"])],
                ["model"],
            )
            .mapped(lambda m: (m.model, m.id))
        )
        query = SQL(
            "%s UNION ALL SELECT %s AS res_model_id, id AS res_id, active AS is_active FROM res_partner "
            "WHERE personal_code = %s",
            query,
            model_ids["res.partner"],
            code,
        )
        for model_name, field_names in self._mazpulki_privacy_links().items():
            if model_name not in self.env or model_name not in model_ids:
                continue
            model = self.env[model_name]
            query = SQL(
                "%s UNION ALL SELECT %s AS res_model_id, id AS res_id, %s AS is_active FROM %s WHERE %s",
                query,
                model_ids[model_name],
                SQL.identifier("active") if "active" in model._fields else SQL("TRUE"),
                SQL.identifier(model._table),
                SQL(" OR ").join(SQL("%s IN %s", SQL.identifier(field), people) for field in field_names),
            )
        email = email_normalize(self.email.strip()) or self.email.strip()
        # UNION (not ALL) last: an application Odoo's own search found too is listed once
        return SQL(
            "%s UNION SELECT %s AS res_model_id, id AS res_id, TRUE AS is_active "
            "FROM mazpulki_member_application WHERE guardian_name ILIKE %s OR guardian_email ILIKE %s "
            "OR personal_code = %s",
            query,
            model_ids["mazpulki.member.application"],
            name,
            email,
            code,
        )
