from odoo import api, models


class EventRegistration(models.Model):
    _inherit = "event.registration"

    @api.model_create_multi
    def create(self, vals_list):
        """A ticket's attendee chosen on the website (a guardian's child) stays the attendee.

        Odoo's event_sale makes the order's customer (the paying parent) every ticket's
        attendee; a registration given a Mazpulki member keeps that member, so it stays
        the child's, with her club and age group. The member was checked by the caller
        (the website's family rules, or the office's own rights).
        """
        chosen = [vals.get("partner_id") if vals.get("sale_order_line_id") else False for vals in vals_list]
        registrations = super().create(vals_list)
        # sudo: whether the chosen attendee is a member, whoever registers
        members = self.env["res.partner"].sudo().browse({p for p in chosen if p}).filtered("is_mazpulki_member")
        for registration, partner_id in zip(registrations, chosen, strict=True):
            if partner_id in members.ids and registration.partner_id.id != partner_id:
                registration.partner_id = partner_id
        registrations._mazpulki_apply_fee_help()
        return registrations

    @api.depends("mazpulki_approval_state")
    def _compute_registration_status(self):
        """A paid ticket and the guardian's approval, whichever comes last, confirm a minor's registration.

        Odoo confirms a registration when its order is paid (confirmed); a minor's registration
        waiting for the guardian (or an anonymous request waiting for the office) stays unconfirmed,
        and a declined one stays cancelled.
        """
        res = super()._compute_registration_status()
        for registration in self:
            if registration.mazpulki_approval_state in ("pending", "request") and registration.state == "open":
                registration.state = "draft"
            elif registration.mazpulki_approval_state == "declined":
                registration.state = "cancel"
        return res

    def action_mazpulki_approve(self, guardian=None):
        """The guardian's approval confirms a paid or free registration; an unpaid one waits for the payment."""
        return super(EventRegistration, self.with_context(mazpulki_approve_keep_unpaid=True)).action_mazpulki_approve(
            guardian=guardian
        )

    def action_mazpulki_match_request(self):
        """A matched request is confirmed once paid; an unpaid one waits for the payment."""
        return super(
            EventRegistration, self.with_context(mazpulki_approve_keep_unpaid=True)
        ).action_mazpulki_match_request()

    def action_confirm(self):
        registrations = self
        if self.env.context.get("mazpulki_approve_keep_unpaid"):
            registrations = self.filtered(lambda registration: registration.sale_status != "to_pay")
        return super(EventRegistration, registrations).action_confirm()

    def action_mazpulki_decline(self, guardian=None):
        """A declined registration is cancelled and frees its seat; so is its order when nothing else is in it."""
        res = super().action_mazpulki_decline(guardian=guardian)
        # sudo: the guardian declines on the portal and cannot read the order; only its own registrations decide
        orders = self.sudo().sale_order_id.filtered(lambda order: order.state != "cancel")
        for order in orders:
            if any(registration.state != "cancel" for registration in order.order_line.registration_ids):
                continue
            if order.invoice_ids.filtered(lambda move: move.state == "posted"):
                order.message_post(
                    body=self.env._(
                        "The guardian declined the registration: the order is invoiced, a refund is needed."
                    )
                )
                continue
            order._action_cancel()
            order.message_post(body=self.env._("Cancelled: the guardian declined the registration."))
        return res

    def _mazpulki_apply_fee_help(self):
        """Price the draft orders of these new registrations with an approved help with the fee.

        The website adds the ticket line first and the registrations after; once a registration of a
        helped member is in a draft order of that event, the order gets the help's price list
        (``mazpulki.fee.help._mazpulki_apply``).
        """
        # sudo: the orders of the new registrations, whoever registers; only an approved help is applied
        orders = self.sudo().sale_order_id.filtered(lambda o: o.state == "draft")
        for order in orders:
            help_request = order._mazpulki_fee_help_request()
            if help_request and not order._mazpulki_has_fee_help(help_request):
                help_request._mazpulki_apply(orders=order, confirm=False)
