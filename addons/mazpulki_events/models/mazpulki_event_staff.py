from odoo import api, fields, models

from .mazpulki_event_health import STAFF_ROLES

# What the office requires of the people it names for a camp (mazpulki_members' qualification roles)
CAMP_STAFF_ROLE = "mazpulki_members.qualification_role_camp_staff"
CAMP_GROUP_LEADER_ROLE = "mazpulki_members.qualification_role_camp_group_leader"


class MazpulkiEventStaff(models.Model):
    """A person the event manager names for one event, in a role that says what of the participants' health
    information she reads (see ``mazpulki.event.health``)."""

    _name = "mazpulki.event.staff"
    _description = "Camp Staff"
    _order = "event_id, role, id"

    event_id = fields.Many2one("event.event", required=True, ondelete="cascade", index=True)
    user_id = fields.Many2one(
        "res.users", string="Person", required=True, ondelete="cascade", index=True, domain=[("share", "=", False)]
    )
    role = fields.Selection(STAFF_ROLES, required=True)

    _sql_constraints = [
        ("event_user_role_unique", "UNIQUE(event_id, user_id, role)", "This person already has this role."),
    ]

    @api.constrains("event_id", "user_id", "role")
    def _check_mazpulki_qualification(self):
        self._mazpulki_check_qualification()

    @api.model_create_multi
    def create(self, vals_list):
        staff = super().create(vals_list)
        staff._mazpulki_post_naming("named")
        return staff

    @api.ondelete(at_uninstall=False)
    def _unlink_post(self):
        self._mazpulki_post_naming("removed")

    def _mazpulki_check_qualification(self):
        """Refuse (``UserError``) naming someone who lacks what the role requires on the event's first day.

        A group leader needs the office's requirements of *Group Leader at a Camp*, every other role those
        of *Camp Staff* (``mazpulki.qualification.role``, set by the office; an office override with a
        reason lets a person through, see ``res.partner._mazpulki_check_role_qualification``). The
        superuser's writes (module data, demo) are not checked.
        """
        if self.env.su:
            return True
        for staff in self:
            role = CAMP_GROUP_LEADER_ROLE if staff.role == "group_leader" else CAMP_STAFF_ROLE
            on_date = staff.event_id.date_begin.date() if staff.event_id.date_begin else None
            staff.user_id.partner_id._mazpulki_check_role_qualification(role, on_date)
        return True

    def _mazpulki_post_naming(self, what):
        """On the event's chatter: who named whom in which role (an accountable trail of the readers)."""
        labels = dict(self._fields["role"]._description_selection(self.env))
        for staff in self:
            if what == "named":
                body = self.env._("%(person)s named %(role)s.", person=staff.user_id.name, role=labels[staff.role])
            else:
                body = self.env._("%(person)s no longer %(role)s.", person=staff.user_id.name, role=labels[staff.role])
            staff.event_id.sudo().message_post(body=body, author_id=self.env.user.partner_id.id)


class MazpulkiEventGroup(models.Model):
    """A group of the camp's children with its leader, who sees the flags of her group's children only."""

    _name = "mazpulki.event.group"
    _description = "Camp Group"
    _order = "event_id, name, id"

    name = fields.Char(required=True)
    event_id = fields.Many2one("event.event", required=True, ondelete="cascade", index=True)
    leader_id = fields.Many2one(
        "res.users", string="Group Leader", ondelete="set null", index=True, domain=[("share", "=", False)]
    )
    registration_ids = fields.One2many("event.registration", "mazpulki_event_group_id", string="Participants")

    @api.constrains("leader_id", "event_id")
    def _check_mazpulki_leader_qualification(self):
        """A camp group's leader needs the office's requirements of *Group Leader at a Camp* (see
        ``mazpulki.event.staff._mazpulki_check_qualification``); the superuser's writes are not checked."""
        if self.env.su:
            return
        for group in self.filtered("leader_id"):
            on_date = group.event_id.date_begin.date() if group.event_id.date_begin else None
            group.leader_id.partner_id._mazpulki_check_role_qualification(CAMP_GROUP_LEADER_ROLE, on_date)

    registration_count = fields.Integer(compute="_compute_registration_count", string="Number of Participants")

    def _compute_registration_count(self):
        counts = dict(
            self.env["event.registration"]._read_group(
                [("mazpulki_event_group_id", "in", self.ids)], ["mazpulki_event_group_id"], ["__count"]
            )
        )
        for group in self:
            group.registration_count = counts.get(group, 0)
