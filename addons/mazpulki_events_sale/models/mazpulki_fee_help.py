from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_is_zero

OFFICE_GROUP = "mazpulki_members.group_mazpulki_officer"
REASON_MAX = 2000


class MazpulkiFeeHelp(models.Model):
    """A family's request for help with an event's fee, and the office's decision (issue 24).

    A guardian (for a child whose link is proved, ``ward_ids``) or a member of 18 or more (for herself)
    asks on ``/my/fee-help`` with a reason. The office approves a reduction (a share of the fee, e.g. 50 %)
    or a waiver (100 %), or refuses with a message. An approved help reaches the family's order through a
    fee-help price list (see ``product.pricelist``): the family's unpaid order for that event is repriced at
    once, and a later order of that family for that event gets the price list when its tickets are
    registered. An order already paid is not changed: the office is told to refund the difference.

    Requests and decisions are the office's and the family's only: no other group has access rights, the
    family reads them through its portal page (sudo, narrowed to its own), and the family is told of the
    decision by mail.
    """

    _name = "mazpulki.fee.help"
    _description = "Fee Help Request"
    _inherit = ["mail.thread"]
    _order = "create_date desc, id desc"
    _rec_name = "member_id"

    event_id = fields.Many2one("event.event", required=True, index=True, ondelete="restrict", tracking=True)
    registration_id = fields.Many2one(
        "event.registration",
        index="btree_not_null",
        ondelete="set null",
        help="The registration the family asked from; the help applies to every order of the family for the event.",
    )
    member_id = fields.Many2one(
        "res.partner", string="Member", required=True, index=True, ondelete="restrict", tracking=True
    )
    requested_by_id = fields.Many2one(
        "res.partner",
        string="Requested By",
        required=True,
        ondelete="restrict",
        help="The member's proved guardian, or the member herself when 18 or older.",
    )
    reason = fields.Text(required=True, help="The family's reason, in its own words; removed on anonymisation.")
    state = fields.Selection(
        [("requested", "Requested"), ("approved", "Approved"), ("refused", "Refused")],
        default="requested",
        required=True,
        tracking=True,
    )
    decision = fields.Selection(
        [("reduction", "Reduction"), ("waiver", "Waiver")],
        default="reduction",
        tracking=True,
        help="A reduction waives a share of the fee; a waiver the whole fee.",
    )
    reduction_percent = fields.Integer(
        string="Reduction (%)", default=50, tracking=True, help="The share of the fee a reduction waives, 1–99."
    )
    help_percent = fields.Float(
        string="Help (%)", compute="_compute_help_percent", store=True, help="The share of the fee waived, 0–100."
    )
    decision_note = fields.Text(
        string="Message to the Family",
        help="Sent to the family with the decision; a refusal needs one.",
    )
    decided_by_id = fields.Many2one("res.users", string="Decided By", readonly=True)
    date_decided = fields.Datetime(string="Decided On", readonly=True)
    pricelist_id = fields.Many2one(
        "product.pricelist",
        string="Price List",
        readonly=True,
        help="The fee-help price list of the decision (in the company's currency; an order in another currency "
        "gets the same share in its own).",
    )
    portal_url = fields.Char(
        compute="_compute_portal_url", compute_sudo=True, help="Where the family pays or reads the decision."
    )
    order_summary = fields.Text(
        string="Orders", compute="_compute_order_summary", compute_sudo=True, help="The family's orders for the event."
    )

    _sql_constraints = [
        (
            "reduction_percent_range",
            "CHECK(reduction_percent IS NULL OR (reduction_percent > 0 AND reduction_percent < 100))",
            "A reduction waives between 1 and 99 % of the fee; a waiver waives it all.",
        ),
    ]

    @api.depends("state", "decision", "reduction_percent")
    def _compute_help_percent(self):
        for request in self:
            if request.state != "approved":
                request.help_percent = 0.0
            elif request.decision == "waiver":
                request.help_percent = 100.0
            else:
                request.help_percent = float(request.reduction_percent or 0)

    @api.depends("event_id", "member_id")
    def _compute_order_summary(self):
        for request in self:
            orders = request._mazpulki_orders()
            request.order_summary = (
                "\n".join(
                    f"{order.name}: {order.currency_id.format(order.amount_total)} "
                    f"({dict(order._fields['state']._description_selection(self.env))[order.state]})"
                    for order in orders
                )
                or False
            )

    @api.constrains("reason")
    def _check_reason(self):
        for request in self:
            if not (request.reason or "").strip():
                raise ValidationError(self.env._("Please tell the office why you ask for help with the fee."))
            if len(request.reason) > REASON_MAX:
                raise ValidationError(self.env._("Please keep the reason under %s characters.", REASON_MAX))

    @api.constrains("event_id", "member_id", "state")
    def _check_one_open_request(self):
        for request in self.filtered(lambda r: r.state != "refused"):
            others = self.search_count(
                [
                    ("id", "!=", request.id),
                    ("event_id", "=", request.event_id.id),
                    ("member_id", "=", request.member_id.id),
                    ("state", "!=", "refused"),
                ]
            )
            if others:
                raise ValidationError(
                    self.env._(
                        "%(member)s already has a request for help with the fee of %(event)s.",
                        member=request.member_id.name,
                        event=request.event_id.name,
                    )
                )

    # ------------------------------------------------------------
    # ACTIONS (the office)
    # ------------------------------------------------------------

    def action_approve(self):
        """Approve the request as decided on the form (a reduction of ``reduction_percent`` or a waiver),
        apply it to the family's orders for the event and tell the family. Office only."""
        self._mazpulki_check_office()
        for request in self:
            if request.state != "requested":
                raise UserError(self.env._("Only a request waiting for a decision can be approved."))
            if request.decision not in ("reduction", "waiver"):
                raise UserError(self.env._("Choose a reduction or a waiver before approving."))
            request.write({"state": "approved", "decided_by_id": self.env.uid, "date_decided": fields.Datetime.now()})
            request.pricelist_id = self.env["product.pricelist"]._mazpulki_fee_help_pricelist(request.help_percent)
            request._mazpulki_apply()
            request._mazpulki_notify("mazpulki_events_sale.mail_template_fee_help_approved")
        return True

    def action_refuse(self):
        """Refuse the request with the message on the form, which the family receives. Office only."""
        self._mazpulki_check_office()
        for request in self:
            if request.state != "requested":
                raise UserError(self.env._("Only a request waiting for a decision can be refused."))
            if not (request.decision_note or "").strip():
                raise UserError(self.env._("Write the family a message saying why the request is refused."))
            request.write({"state": "refused", "decided_by_id": self.env.uid, "date_decided": fields.Datetime.now()})
            request._mazpulki_notify("mazpulki_events_sale.mail_template_fee_help_refused")
        return True

    # ------------------------------------------------------------
    # BUSINESS
    # ------------------------------------------------------------

    @api.model
    def _mazpulki_family_registrations(self, partner):
        """The registrations ``partner`` (a portal user's contact) may ask fee help for: ``event.registration``
        (sudo) of her proved wards and of herself when she is a member of 18 or more, to events not yet ended
        that sell a ticket with a price, and not cancelled."""
        Registration = self.env["event.registration"]
        people = Registration._mazpulki_family_people(partner)
        partner_sudo = partner.sudo()  # sudo: the user's own contact, to read her age
        if partner_sudo.is_mazpulki_member and (partner_sudo._mazpulki_age_on(fields.Date.today()) or 0) >= 18:
            people |= partner_sudo
        if not people:
            return Registration.sudo().browse()
        # sudo: narrowed to the family's own people above
        return Registration.sudo().search(
            [
                ("mazpulki_member_id", "in", people.ids),
                ("state", "!=", "cancel"),
                ("event_id.date_end", ">", fields.Datetime.now()),
                ("event_id.event_ticket_ids.price", ">", 0),
            ],
            order="id desc",
        )

    @api.model
    def _mazpulki_family_requests(self, partner):
        """The fee help requests of ``partner``'s family (sudo): those about her proved wards or herself."""
        people = self.env["event.registration"]._mazpulki_family_people(partner) | partner
        # sudo: the family's own requests, narrowed to its people
        return self.sudo().search(["|", ("member_id", "in", people.ids), ("requested_by_id", "=", partner.id)])

    @api.model
    def _mazpulki_portal_request(self, partner, registration_id, reason):
        """Create the request of ``partner`` (the portal user's contact) for her family's registration.

        Called by the portal route only, which passes the posted values. Raises ``AccessError`` when the
        registration is not the family's, ``UserError`` for an empty, too long or repeated request.
        Returns the request (sudo).
        """
        registration = self._mazpulki_family_registrations(partner).filtered(lambda r: r.id == registration_id)
        if not registration:
            raise AccessError(self.env._("You can ask for help only for your family's registrations."))
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Please tell the office why you ask for help with the fee."))
        if len(reason) > REASON_MAX:
            raise UserError(self.env._("Please keep the reason under %s characters.", REASON_MAX))
        exists = self.sudo().search_count(
            [
                ("event_id", "=", registration.event_id.id),
                ("member_id", "=", registration.mazpulki_member_id.id),
                ("state", "!=", "refused"),
            ]
        )
        if exists:
            raise UserError(
                self.env._(
                    "%(member)s already has a request for help with the fee of %(event)s.",
                    member=registration.mazpulki_member_id.name,
                    event=registration.event_id.name,
                )
            )
        # sudo: portal users have no rights on requests; the family and the fields were checked above
        request = self.sudo().create(
            {
                "event_id": registration.event_id.id,
                "registration_id": registration.id,
                "member_id": registration.mazpulki_member_id.id,
                "requested_by_id": partner.id,
                "reason": reason,
            }
        )
        request.message_post(
            body=self.env._("A family asked for help with the fee."),
            subtype_xmlid="mail.mt_note",
            author_id=partner.id,
        )
        return request

    def _mazpulki_orders(self):
        """The family's orders for the request's event: ``sale.order`` (sudo) holding a ticket of the member."""
        self.ensure_one()
        # sudo: the office may have no Sales rights; only the request's event and member choose the orders
        return (
            self.env["event.registration"]
            .sudo()
            .search(
                [
                    ("event_id", "=", self.event_id.id),
                    ("mazpulki_member_id", "=", self.member_id.id),
                    ("sale_order_id", "!=", False),
                ]
            )
            .sale_order_id
        )

    def _mazpulki_apply(self, orders=None, confirm=True):
        """Put the approved help's price list on the family's unpaid orders for the event and reprice them.

        ``orders``: the orders to consider (``sale.order``), by default all the family's orders for the event;
        ``confirm``: whether an order left with nothing to pay is confirmed here (not while the website
        registers, which confirms a free order itself).
        A paid (confirmed) order is not changed: a note tells the office to refund the difference. An order
        that also holds tickets of other events is not changed either (its price list would reduce them
        too): a note asks the office to split it. An order whose fee is waived in full is confirmed, since
        nothing is left to pay.
        """
        self.ensure_one()
        if self.state != "approved" or not self.pricelist_id:
            return
        orders = (orders if orders is not None else self._mazpulki_orders()).sudo()
        share = "%g" % self.help_percent
        for order in orders:
            if order.state == "cancel" or order._mazpulki_has_fee_help(self):
                continue
            if order.state != "draft" and order.state != "sent":
                order.message_post(
                    body=self.env._(
                        "The office granted help with the fee (%(percent)s %%) after the order was confirmed: "
                        "refund the difference.",
                        percent=share,
                    )
                )
                continue
            if order._mazpulki_fee_help_blocked(self.event_id):
                order.message_post(
                    body=self.env._(
                        "The office granted help with the fee of %(event)s, but the order holds tickets of "
                        "other events too: split the order to apply it.",
                        event=self.event_id.name,
                    )
                )
                continue
            order._mazpulki_apply_fee_help(self, confirm=confirm)

    def _mazpulki_notify(self, template_xmlid):
        template = self.env.ref(template_xmlid, raise_if_not_found=False)
        if not template:
            return
        for request in self:
            # sudo: the office sends the family's mail; the template reads the request and its order
            template.sudo().send_mail(request.id, email_layout_xmlid="mail.mail_notification_light")

    def _mazpulki_check_office(self):
        """Every action a portal user could reach through RPC checks the office's group first."""
        if not self.env.su and not self.env.user.has_group(OFFICE_GROUP):
            raise AccessError(self.env._("Only the office decides on help with the fee."))

    @api.depends("state", "event_id", "member_id")
    def _compute_portal_url(self):
        for request in self:
            order = request._mazpulki_orders().filtered(lambda o: o.state in ("draft", "sent"))[:1]
            if (
                request.state == "approved"
                and order
                and not float_is_zero(order.amount_total, precision_rounding=order.currency_id.rounding)
            ):
                request.portal_url = order.get_portal_url()
            else:
                request.portal_url = "/my/fee-help"
