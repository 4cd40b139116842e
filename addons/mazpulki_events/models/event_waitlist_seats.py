from odoo import api, fields, models
from odoo.tools import SQL

from .mazpulki_event_waitlist import DEFAULT_OFFER_HOURS, HOLDING_SQL

# Registration fields whose change may free a seat (the state itself, or what it is computed from).
FREEING_FIELDS = frozenset({"state", "active", "mazpulki_approval_state", "sale_order_id"})


def _held_seats(env, event_ids):
    """``{(event id, ticket id or None): seats held by waiting-list offers}`` (one query)."""
    if not event_ids:
        return {}
    env["mazpulki.event.waitlist"].flush_model(["event_id", "event_ticket_id", "state", "registration_id"])
    env["event.registration"].flush_model(["state", "active"])
    env.cr.execute(SQL(HOLDING_SQL, event_ids=list(event_ids)))
    return {(event_id, ticket_id): count for event_id, ticket_id, count in env.cr.fetchall()}


class EventEventWaitlist(models.AbstractModel):
    """The waiting list's part of ``event.event`` (mixed into the module's ``EventEvent``)."""

    _register = False
    _module = "mazpulki_events"  # its fields are this module's (a class not registered gets none)

    mazpulki_waitlist_offer_hours = fields.Integer(
        string="Waiting List Offer (Hours)",
        default=DEFAULT_OFFER_HOURS,
        help="How long a family offered a freed seat has to accept it before it passes to the next family.",
    )
    mazpulki_waitlist_ids = fields.One2many("mazpulki.event.waitlist", "event_id", string="Waiting List")
    mazpulki_waitlist_count = fields.Integer(
        string="Waiting", compute="_compute_mazpulki_waitlist_count", groups="event.group_event_user"
    )

    @api.depends("mazpulki_waitlist_ids.state")
    def _compute_seats(self):
        """Seats held by an open waiting-list offer are not available to anyone else."""
        res = super()._compute_seats()
        held = _held_seats(self.env, self._origin.ids)
        for event in self:
            count = sum(n for (event_id, _ticket), n in held.items() if event_id == event._origin.id)
            if count and event.seats_max > 0:
                event.seats_available -= count
        return res

    def _compute_mazpulki_waitlist_count(self):
        counts = dict(
            self.env["mazpulki.event.waitlist"]._read_group(
                [("event_id", "in", self.ids), ("state", "in", ("waiting", "offered"))], ["event_id"], ["__count"]
            )
        )
        for event in self:
            event.mazpulki_waitlist_count = counts.get(event, 0)

    def write(self, vals):
        res = super().write(vals)
        if "seats_max" in vals or "seats_limited" in vals:
            self._mazpulki_waitlist_offer()
        return res

    def action_mazpulki_waitlist(self):
        """The event's waiting list, in its order (office)."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("mazpulki_events.mazpulki_event_waitlist_action")
        action["domain"] = [("event_id", "=", self.id)]
        action["context"] = {"default_event_id": self.id, "search_default_filter_open": 1}
        return action

    def _mazpulki_lock_seats(self):
        """Serialise whatever takes or frees these events' seats (registrations, offers).

        Odoo's seat check counts the registrations in the transaction's snapshot, so two
        transactions may each see the last seat free. Updating the event rows makes the
        second one wait for the first and then fail with a serialisation error; Odoo
        retries its request (``odoo.service.model.retrying``) with a fresh snapshot, which
        sees the first one's registration. As the desk's walk-ins do with the member row.
        """
        if not self.ids:
            return
        self.env.cr.execute(
            SQL("UPDATE event_event SET write_date = write_date WHERE id = ANY(%s)", sorted(self.ids)),
            log_exceptions=False,
        )

    def _mazpulki_lock_limited_seats(self):
        """``_mazpulki_lock_seats`` for those of these events whose seats are counted, in one query.

        A limit on the event or on one of its tickets counts the seats; other events are not locked.
        """
        if not self.ids:
            return
        self.flush_recordset(["seats_limited", "seats_max"])
        self.env["event.event.ticket"].flush_model(["event_id", "seats_max"])
        self.env.cr.execute(
            SQL(
                """UPDATE event_event e SET write_date = write_date
                    WHERE e.id = ANY(%s)
                      AND ((e.seats_limited AND e.seats_max > 0)
                           OR EXISTS (SELECT 1 FROM event_event_ticket t
                                       WHERE t.event_id = e.id AND t.seats_max > 0))""",
                sorted(self.ids),
            ),
            log_exceptions=False,
        )

    def _mazpulki_limited(self):
        """The events whose seats are counted: a limit on the event or on one of its tickets."""
        return self.filtered(
            lambda event: (event.seats_limited and event.seats_max) or any(event.event_ticket_ids.mapped("seats_max"))
        )

    def _mazpulki_has_seats_for(self, registrations_data):
        """Whether the seats left (re-read now) take these website registrations (dicts with ``event_ticket_id``)."""
        self.ensure_one()
        self.invalidate_recordset(["seats_available", "seats_reserved", "seats_used", "seats_taken"])
        self.event_ticket_ids.invalidate_recordset(["seats_available", "seats_reserved", "seats_used", "seats_taken"])
        if self.seats_limited and self.seats_max and self.seats_available < len(registrations_data):
            return False
        for ticket in self.event_ticket_ids.filtered("seats_max"):
            wanted = sum(1 for values in registrations_data if values.get("event_ticket_id") == ticket.id)
            if wanted and ticket.seats_available < wanted:
                return False
        return True

    def _mazpulki_waitlist_is_full(self, ticket=None):
        """Whether a family may join the waiting list: the event (or ``ticket``) has no seat left."""
        self.ensure_one()
        if ticket:
            return bool(ticket.seats_max) and ticket.seats_available <= 0
        return bool(self.event_registrations_sold_out)

    def _mazpulki_waitlist_full_targets(self):
        """What a family may wait for: ``[(ticket or empty recordset, label)]``."""
        self.ensure_one()
        if self.is_finished or not self.website_published:
            return []
        Ticket = self.env["event.event.ticket"]
        if self.event_registrations_sold_out and not self.event_ticket_ids:
            return [(Ticket, self.name)]
        return [
            (ticket, ticket.name)
            for ticket in self.event_ticket_ids
            if ticket.seats_max and ticket.seats_available <= 0 and not ticket.is_expired
        ] or ([(Ticket, self.name)] if self.event_registrations_sold_out else [])

    def _mazpulki_waitlist_offer(self):
        """Offer every free seat of these events to the next waiting families, in the list's order.

        The event rows are locked first (``_mazpulki_lock_seats``), so two seats freed at the
        same moment in two transactions are offered one after the other: two families, never one
        twice. Waiting entries are read ``FOR UPDATE SKIP LOCKED``. Returns the entries offered.
        """
        Waitlist = self.env["mazpulki.event.waitlist"].sudo()
        events = self.sudo().filtered(lambda e: not e.is_finished)
        if not events:
            return Waitlist
        Waitlist.flush_model()
        self.env.cr.execute(
            SQL(
                "SELECT DISTINCT event_id FROM mazpulki_event_waitlist WHERE event_id = ANY(%s) AND state = 'waiting'",
                events.ids,
            )
        )
        events = events.browse([row[0] for row in self.env.cr.fetchall()])
        if not events:
            return Waitlist
        events._mazpulki_lock_seats()
        events.invalidate_recordset(["seats_available", "seats_reserved", "seats_used", "seats_taken"])
        events.event_ticket_ids.invalidate_recordset(["seats_available", "seats_reserved", "seats_used"])
        offered = Waitlist
        now = fields.Datetime.now()
        for event in events:
            free_event = event.seats_available if event.seats_limited and event.seats_max else None
            for ticket in [*event.event_ticket_ids, None]:
                if free_event is not None and free_event <= 0:
                    break
                if ticket is not None:
                    if not ticket.seats_max:
                        continue
                    free = ticket.seats_available
                    if free_event is not None:
                        free = min(free, free_event)
                elif free_event is None:
                    continue
                else:
                    free = free_event
                if free <= 0:
                    continue
                self.env.cr.execute(
                    SQL(
                        """SELECT id FROM mazpulki_event_waitlist
                            WHERE event_id = %s AND event_ticket_id IS NOT DISTINCT FROM %s AND state = 'waiting'
                         ORDER BY date_joined, id LIMIT %s FOR UPDATE SKIP LOCKED""",
                        event.id,
                        ticket.id if ticket is not None else None,
                        free,
                    )
                )
                entries = Waitlist.browse([row[0] for row in self.env.cr.fetchall()])
                entries._mazpulki_make_offers(now)
                offered |= entries
                if free_event is not None:
                    free_event -= len(entries)
        if offered:
            self.invalidate_recordset(["seats_available"])
            self.event_ticket_ids.invalidate_recordset(["seats_available"])
        return offered


class EventEventTicket(models.Model):
    _inherit = "event.event.ticket"

    @api.depends("event_id.mazpulki_waitlist_ids.state")
    def _compute_seats(self):
        """Seats held by an open waiting-list offer for this ticket are not available to anyone else."""
        res = super()._compute_seats()
        held = _held_seats(self.env, self.event_id._origin.ids)
        for ticket in self:
            count = held.get((ticket.event_id._origin.id, ticket._origin.id), 0)
            if count and ticket.seats_max > 0:
                ticket.seats_available -= count
        return res


class EventRegistrationWaitlist(models.AbstractModel):
    """The waiting list's part of ``event.registration`` (mixed into the module's ``EventRegistration``)."""

    _register = False

    @api.model_create_multi
    def create(self, vals_list):
        """Registrations taking a seat of a limited event are created one event at a time (no overselling)."""
        events = self.env["event.event"].browse({vals["event_id"] for vals in vals_list if vals.get("event_id")})
        events.sudo()._mazpulki_lock_limited_seats()
        return super().create(vals_list)

    def write(self, vals):
        """Confirming takes a seat (serialised per event); cancelling or unconfirming offers it to the waiting list."""
        if vals.get("state") in ("open", "done"):
            self.event_id.sudo()._mazpulki_lock_limited_seats()
        # the state may also follow another field (a guardian's decline, an order: computed)
        taken = self.filtered(lambda r: r.state in ("open", "done")) if FREEING_FIELDS.intersection(vals) else None
        res = super().write(vals)
        if taken:
            freed = taken.filtered(lambda r: r.state not in ("open", "done") or not r.active)
            freed.event_id._mazpulki_waitlist_offer()
        return res

    def _mazpulki_waitlist_cancel_unpaid(self):
        """Cancel registrations whose waiting-list offer ran out unpaid (the paid tickets bridge cancels the order)."""
        self.action_cancel()
