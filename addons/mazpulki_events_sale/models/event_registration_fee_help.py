from odoo import api, models


class EventRegistration(models.Model):
    _inherit = "event.registration"

    @api.model_create_multi
    def create(self, vals_list):
        """A family's new order for an event where the office approved help with the fee gets that help.

        The website adds the ticket line first and the registrations after; once a registration of the
        helped member is in a draft order of that event, the order is priced with the help's price list
        (``mazpulki.fee.help._mazpulki_apply``).
        """
        registrations = super().create(vals_list)
        # sudo: the orders of the new registrations, whoever registers; only an approved help is applied
        orders = registrations.sudo().sale_order_id.filtered(lambda o: o.state == "draft")
        for order in orders:
            help_request = order._mazpulki_fee_help_request()
            if help_request and not order._mazpulki_has_fee_help(help_request):
                help_request._mazpulki_apply(orders=order)
        return registrations
