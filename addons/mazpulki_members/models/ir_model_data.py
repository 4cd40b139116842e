from odoo import api, models


class IrModelData(models.Model):
    _inherit = "ir.model.data"

    @api.model
    def _mazpulki_demo_samples(self, model, modules):
        """Demo data only: the records of ``model`` that Odoo's ``modules`` made (found by their XML ids).

        The suite's demo shows the organisation: each add-on removes or archives
        the samples of the Odoo add-ons it builds on once their demo is loaded.
        """
        data = self.sudo().search([("model", "=", model), ("module", "in", list(modules))])
        return self.env[model].with_context(active_test=False).browse(data.mapped("res_id")).exists()

    @api.model
    def _mazpulki_demo_archive_sample_partners(self, modules):
        """Demo data only: archive the sample contacts of Odoo's ``modules``, not those of companies and users."""
        partners = self._mazpulki_demo_samples("res.partner", modules)
        users = self.env["res.users"].with_context(active_test=False).search([])
        kept = self.env["res.company"].with_context(active_test=False).search([]).partner_id | users.partner_id
        samples = partners - kept
        # The samples' children (contacts of a sample company) go with them.
        samples |= self.env["res.partner"].search([("parent_id", "in", samples.ids)]) - kept
        samples.filtered("active").write({"active": False})
        return samples
