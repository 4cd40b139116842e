import logging
import secrets
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

# An offer holds its seat this long unless the event says otherwise (issue 24; pretix's default).
DEFAULT_OFFER_HOURS = 48
# Entries that hold a seat for their family: an open offer, or an accepted one whose
# registration waits for the payment (paid tickets) while the offer runs.
HOLDING_SQL = """
    SELECT w.event_id, w.event_ticket_id, COUNT(*)
      FROM mazpulki_event_waitlist w
 LEFT JOIN event_registration r ON r.id = w.registration_id
     WHERE w.event_id = ANY(%(event_ids)s)
       AND (w.state = 'offered' OR (w.state = 'accepted' AND r.state = 'draft' AND r.active))
  GROUP BY w.event_id, w.event_ticket_id
"""


class MazpulkiEventWaitlist(models.Model):
    """A family's place in the queue for a full event or ticket (issue 24).

    The queue keeps its order (``date_joined``, then ``id``). When a seat frees up, the
    first waiting entry gets an offer that holds the seat for ``event.mazpulki_waitlist_offer_hours``;
    accepting it registers the member through the usual guardian approval (and payment, with the
    paid tickets bridge); an offer that runs out passes to the next family. Portal users have no
    access: the family's routes check the caller and write with sudo.
    """

    _name = "mazpulki.event.waitlist"
    _description = "Event Waiting List Entry"
    _order = "event_id, event_ticket_id, date_joined, id"
    _rec_name = "member_id"

    event_id = fields.Many2one("event.event", string="Event", required=True, index=True, ondelete="cascade")
    event_ticket_id = fields.Many2one(
        "event.event.ticket",
        string="Ticket",
        index=True,
        ondelete="cascade",
        domain="[('event_id', '=', event_id)]",
        help="The full ticket the family waits for; empty when the whole event is full.",
    )
    member_id = fields.Many2one(
        "res.partner", string="Member", required=True, index=True, ondelete="cascade", help="Who would take part."
    )
    requested_by_id = fields.Many2one(
        "res.partner",
        string="Requested By",
        index=True,
        ondelete="set null",
        help="The proved guardian, or the member herself, who joined the list and receives the offer.",
    )
    date_joined = fields.Datetime(
        string="Joined On", required=True, default=fields.Datetime.now, readonly=True, help="The place in the queue."
    )
    position = fields.Integer(compute="_compute_position", help="1 for the next family to get an offer.")
    state = fields.Selection(
        [
            ("waiting", "Waiting"),
            ("offered", "Offered"),
            ("accepted", "Accepted"),
            ("expired", "Expired"),
            ("withdrawn", "Withdrawn"),
        ],
        default="waiting",
        required=True,
        readonly=True,
        index=True,
    )
    date_offered = fields.Datetime(string="Offered On", readonly=True)
    date_offer_expiry = fields.Datetime(string="Offer Valid Until", readonly=True)
    registration_id = fields.Many2one(
        "event.registration", string="Registration", readonly=True, ondelete="set null", index="btree_not_null"
    )
    access_token = fields.Char(readonly=True, copy=False, groups="event.group_event_user")

    _sql_constraints = [
        (
            "member_event_ticket_uniq",
            "UNIQUE NULLS NOT DISTINCT (event_id, event_ticket_id, member_id)",
            "A member is on the waiting list of an event (or ticket) only once.",
        ),
    ]

    def _compute_position(self):
        waiting = self.filtered(lambda entry: entry.state == "waiting")
        (self - waiting).position = 0
        if not waiting:
            return
        self.flush_model()
        self.env.cr.execute(
            SQL(
                """SELECT w.id, (SELECT COUNT(*) FROM mazpulki_event_waitlist o
                                  WHERE o.event_id = w.event_id
                                    AND o.event_ticket_id IS NOT DISTINCT FROM w.event_ticket_id
                                    AND o.state = 'waiting'
                                    AND (o.date_joined, o.id) <= (w.date_joined, w.id))
                     FROM mazpulki_event_waitlist w WHERE w.id = ANY(%s)""",
                waiting.ids,
            )
        )
        positions = dict(self.env.cr.fetchall())
        for entry in waiting:
            entry.position = positions.get(entry.id, 0)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals["access_token"] = secrets.token_urlsafe(24)
        return super().create(vals_list)

    def write(self, vals):
        res = super().write(vals)
        if "state" in vals or "date_joined" in vals:
            self.invalidate_model(["position"])  # the others' places in the queue move too
        return res

    # ------------------------------------------------------------
    # ACTIONS (office)
    # ------------------------------------------------------------

    def _mazpulki_check_manager(self):
        if not (self.env.su or self.env.user.has_group("event.group_event_user")):
            raise AccessError(self.env._("Only the office manages the waiting lists of events."))

    def action_mazpulki_offer(self):
        """The office offers free seats now (as the cron and a cancellation do); raises AccessError for others."""
        self._mazpulki_check_manager()
        self.sudo().event_id._mazpulki_waitlist_offer()
        return True

    def action_mazpulki_withdraw(self):
        """The office takes entries off the list (the family said so); an open offer passes to the next family."""
        self._mazpulki_check_manager()
        self.sudo()._mazpulki_withdraw()
        return True

    def action_mazpulki_expire(self):
        """The office ends open offers now; each passes to the next family."""
        self._mazpulki_check_manager()
        self.sudo().filtered(lambda e: e.state in ("offered", "accepted"))._mazpulki_expire()
        return True

    # ------------------------------------------------------------
    # BUSINESS (trusted callers: the routes check the family, the cron)
    # ------------------------------------------------------------

    @api.model
    def _mazpulki_join(self, event, ticket, member, requested_by):
        """Put ``member`` on the waiting list of ``event`` (``ticket`` or an empty recordset); the entry.

        The caller has checked that ``requested_by`` is the member or her proved guardian.
        Raises UserError when seats remain, the event is over, or the member is registered or
        waiting already. A withdrawn or expired entry joins again at the end of the queue.
        """
        if event.is_finished:
            raise UserError(self.env._("The event is over: its waiting list is closed."))
        if not event._mazpulki_waitlist_is_full(ticket):
            raise UserError(self.env._("Seats are still free: register instead of joining the waiting list."))
        registered = self.env["event.registration"].search_count(
            [("event_id", "=", event.id), ("mazpulki_member_id", "=", member.id), ("state", "!=", "cancel")], limit=1
        )
        if registered:
            raise UserError(self.env._("%s is registered for this event already.", member.name))
        entry = self.with_context(active_test=False).search(
            [("event_id", "=", event.id), ("event_ticket_id", "=", ticket.id or False), ("member_id", "=", member.id)]
        )
        if entry and entry.state in ("waiting", "offered", "accepted"):
            raise UserError(self.env._("%s is on this waiting list already.", member.name))
        values = {
            "state": "waiting",
            "requested_by_id": requested_by.id,
            "date_joined": fields.Datetime.now(),
            "date_offered": False,
            "date_offer_expiry": False,
            "registration_id": False,
        }
        if entry:
            entry.write(values)
            return entry
        return self.create(
            {**values, "event_id": event.id, "event_ticket_id": ticket.id or False, "member_id": member.id}
        )

    def _mazpulki_make_offers(self, now=None):
        """Offer each waiting entry its seat, mail the family; called with the event row locked."""
        now = now or fields.Datetime.now()
        for entry in self:
            hours = entry.event_id.mazpulki_waitlist_offer_hours or DEFAULT_OFFER_HOURS
            entry.write(
                {
                    "state": "offered",
                    "date_offered": now,
                    "date_offer_expiry": min(now + timedelta(hours=hours), entry.event_id.date_end),
                }
            )
        template = self.env.ref("mazpulki_events.mail_template_waitlist_offer", raise_if_not_found=False)
        if template:
            for entry in self:
                template.sudo().send_mail(entry.id, email_layout_xmlid="mail.mail_notification_light")

    def _mazpulki_accept(self, user):
        """The family accepts the offer: register the member; returns the URL where the family goes on.

        ``user``: the website user, checked by the caller (``_mazpulki_family_entries``). The
        registration follows the website's family rules (the guardian who accepts approves her
        child). Raises UserError when the offer is not open any more.
        """
        self.ensure_one()
        if not self._mazpulki_offer_is_open():
            raise UserError(self.env._("This offer is no longer open."))
        self.event_id._mazpulki_lock_seats()
        # the entry stops holding the seat in the same transaction as the registration takes it
        self.write({"state": "accepted"})
        registration = self._mazpulki_register(user)
        self.registration_id = registration
        return self._mazpulki_accept_url()

    def _mazpulki_offer_is_open(self):
        self.ensure_one()
        return self.state == "offered" and self.date_offer_expiry >= fields.Datetime.now()

    def _mazpulki_register(self, user):
        """The registration of the accepted offer (sudo); the paid tickets bridge puts it in an order."""
        return self.env["event.registration"].sudo().create(self._mazpulki_registration_values(user))

    def _mazpulki_registration_values(self, user):
        """The registration's values, by the website's family rules (raises AccessError for another's child)."""
        values = {
            "event_id": self.event_id.id,
            "event_ticket_id": self.event_ticket_id.id or False,
            "partner_id": self.member_id.id,
            "name": self.member_id.name,
            "email": self.member_id.email or user.partner_id.email,
        }
        self.env["event.registration"]._mazpulki_prepare_family_registrations(self.event_id, user, [values])
        return values

    def _mazpulki_accept_url(self):
        return "/my/event-waitlist?accepted=%s" % self.id

    def _mazpulki_withdraw(self):
        """Leave the list; an open offer (or its unpaid registration) frees the seat for the next family."""
        held = self.filtered(lambda e: e.state in ("offered", "accepted"))
        self.filtered(lambda e: e.state in ("waiting", "offered")).write({"state": "withdrawn"})
        held._mazpulki_release()

    def _mazpulki_expire(self):
        """Offers that ran out: the entry expires, an unpaid registration is cancelled, the next family is offered."""
        self.write({"state": "expired"})
        self._mazpulki_release()

    def _mazpulki_release(self):
        """Cancel the draft registrations of these entries (unpaid), then offer the freed seats."""
        drafts = self.registration_id.filtered(lambda r: r.state == "draft")
        drafts._mazpulki_waitlist_cancel_unpaid()
        self.event_id._mazpulki_waitlist_offer()

    @api.model
    def _cron_mazpulki_waitlist(self):
        """Expire the offers that ran out and offer every free seat to the next families."""
        now = fields.Datetime.now()
        ran_out = self.search(
            [("state", "in", ("offered", "accepted")), ("date_offer_expiry", "<", now)], order="event_id, id"
        )
        ran_out = ran_out.filtered(lambda e: e.state == "offered" or e.registration_id.state == "draft")
        if ran_out:
            _logger.info("Waiting lists: %s offers ran out", len(ran_out))
            ran_out._mazpulki_expire()
        waiting_events = self._read_group(
            [("state", "=", "waiting"), ("event_id.date_end", ">", now)], ["event_id"], ["__count"]
        )
        self.env["event.event"].browse([event.id for event, _count in waiting_events])._mazpulki_waitlist_offer()
        return True

    @api.model
    def _mazpulki_family_entries(self, user):
        """The entries ``user`` may see and act on: her own and her proved wards' (sudo, narrowed)."""
        partner = user.partner_id
        # sudo: portal users cannot read the list; the member filter (own contact, proved wards) is the check
        people = self.env["event.registration"]._mazpulki_family_people(partner) | partner
        return self.sudo().search([("member_id", "in", people.ids)], order="date_joined desc, id desc")
