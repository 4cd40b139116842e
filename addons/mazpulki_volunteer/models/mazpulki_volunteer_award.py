from odoo import api, fields, models
from odoo.exceptions import UserError

AWARD_KINDS = [
    ("izaugusi", "Izauguši Latvijai"),
    ("prize", "Motivation Prize"),
    ("milestone", "Hour Milestone"),
    ("other", "Other"),
]


class MazpulkiVolunteerAwardType(models.Model):
    _name = "mazpulki.volunteer.award.type"
    _description = "Volunteer Award Type"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    kind = fields.Selection(AWARD_KINDS, required=True, default="other", help="The strategy counts awards by kind.")
    description = fields.Text(translate=True, help="Printed on the certificate.")
    min_hours = fields.Float(string="Minimum Approved Hours", help="Approved hours the volunteer needs.")
    hours_period = fields.Selection(
        [("year", "In the campaign year"), ("total", "In total, up to the end of the campaign year")],
        default="year",
        required=True,
    )
    activity_ids = fields.Many2many(
        "mazpulki.volunteer.activity",
        string="Counted Activities",
        help="Only hours of these activities count; all activities when empty.",
    )
    min_projects = fields.Integer(
        string="Minimum Completed Projects",
        help="Projects completed in the year (read from Mazpulki Projects when installed).",
    )
    min_events = fields.Integer(
        string="Minimum Events Attended",
        help="Events attended in the year (read from Mazpulki Events when installed).",
    )
    needs_nomination = fields.Boolean(help="A coordinator must nominate the candidate before the award is granted.")
    once_per_person = fields.Boolean(help="A volunteer receives this award only once (hour milestones).")


class MazpulkiVolunteerAwardCampaign(models.Model):
    _name = "mazpulki.volunteer.award.campaign"
    _description = "Volunteer Award Campaign"
    _inherit = ["mail.thread"]
    _order = "year desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year, tracking=True)
    award_type_id = fields.Many2one("mazpulki.volunteer.award.type", required=True, tracking=True)
    state = fields.Selection([("open", "Open"), ("done", "Closed")], default="open", required=True, tracking=True)
    candidate_ids = fields.One2many("mazpulki.volunteer.award.candidate", "campaign_id", string="Candidates")
    award_ids = fields.One2many("mazpulki.volunteer.award", "campaign_id", string="Awards")
    award_count = fields.Integer(compute="_compute_award_count")

    _sql_constraints = [
        ("type_year_uniq", "unique(award_type_id, year)", "There is already a campaign of this award for the year.")
    ]

    @api.depends("year", "award_type_id.name")
    def _compute_name(self):
        for campaign in self:
            campaign.name = f"{campaign.award_type_id.name or ''} {campaign.year or ''}".strip()

    def _compute_award_count(self):
        counts = dict(
            self.env["mazpulki.volunteer.award"]._read_group(
                [("campaign_id", "in", self.ids)], ["campaign_id"], ["__count"]
            )
        )
        for campaign in self:
            campaign.award_count = counts.get(campaign, 0)

    def action_compute_candidates(self):
        """Refresh the candidate list from the rules (nominations already made are kept)."""
        for campaign in self:
            if campaign.state != "open":
                raise UserError(self.env._("The campaign %s is closed.", campaign.name))
            found = campaign._mazpulki_candidates()
            # sudo: the campaign lists every team's candidates; each coordinator reads only their teams' ones
            Candidate = self.env["mazpulki.volunteer.award.candidate"].sudo()
            existing = {cand.volunteer_id.id: cand for cand in campaign.sudo().candidate_ids}
            to_create = []
            for volunteer_id, figures in found.items():
                if volunteer_id in existing:
                    existing.pop(volunteer_id).write(figures)
                else:
                    to_create.append({"campaign_id": campaign.id, "volunteer_id": volunteer_id, **figures})
            Candidate.create(to_create)
            # People who no longer meet the rules leave the list unless already awarded.
            Candidate.browse([cand.id for cand in existing.values() if not cand.award_id]).unlink()

    def action_close(self):
        self.write({"state": "done"})

    def action_reopen(self):
        self.write({"state": "open"})

    def action_view_awards(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("mazpulki_volunteer.mazpulki_volunteer_award_action")
        action["domain"] = [("campaign_id", "=", self.id)]
        return action

    def _mazpulki_candidates(self):
        """``{volunteer_id: {"hours": h, "projects": p, "events": e}}`` of the people who meet the rules.

        Approved hours come from one aggregation; completed projects and events
        attended from the add-ons that know them (``mazpulki.measure``'s
        ``_mazpulki_person_counts``), when installed.
        """
        self.ensure_one()
        award_type = self.award_type_id
        Line = self.env["account.analytic.line"]
        domain = [("volunteer_state", "=", "approved"), ("date", "<", f"{self.year + 1}-01-01")]
        if award_type.hours_period == "year":
            domain.append(("date", ">=", f"{self.year}-01-01"))
        if award_type.activity_ids:
            domain.append(("mazpulki_activity_id", "in", award_type.activity_ids.ids))
        having = [("unit_amount:sum", ">=", award_type.min_hours)] if award_type.min_hours else []
        if award_type.once_per_person:
            # sudo: earlier awards are checked whoever runs the campaign
            awarded = (
                self.env["mazpulki.volunteer.award"]
                .sudo()
                ._search([("award_type_id", "=", award_type.id), ("year", "<", self.year)])
            )
            domain.append(("mazpulki_volunteer_id", "not in", awarded.subselect("volunteer_id")))
        # sudo: the rule weighs every approved hour of the person, not only those the coordinator reads
        groups = Line.sudo()._read_group(
            [("mazpulki_volunteer_id", "!=", False), *domain],
            ["mazpulki_volunteer_id"],
            ["unit_amount:sum"],
            having=having,
        )
        found = {volunteer.id: {"hours": hours} for volunteer, hours in groups}
        if not (award_type.min_projects or award_type.min_events) or not found:
            return found
        partners = {volunteer: volunteer.partner_id.id for volunteer, _hours in groups}
        Measure = self.env["mazpulki.measure"]
        for key, minimum, field in (
            ("projects.completed", award_type.min_projects, "projects"),
            ("events.attended", award_type.min_events, "events"),
        ):
            if not minimum:
                continue
            counts = Measure._mazpulki_person_counts(key, self.year, list(partners.values()))
            if counts is None:
                continue  # the add-on that knows this figure is not installed: the rule cannot be judged
            for volunteer, partner_id in partners.items():
                value = counts.get(partner_id, 0)
                if value < minimum:
                    found.pop(volunteer.id, None)
                elif volunteer.id in found:
                    found[volunteer.id][field] = value
        return found


class MazpulkiVolunteerAwardCandidate(models.Model):
    _name = "mazpulki.volunteer.award.candidate"
    _description = "Volunteer Award Candidate"
    _order = "hours desc, id"
    _rec_name = "volunteer_id"

    campaign_id = fields.Many2one("mazpulki.volunteer.award.campaign", required=True, ondelete="cascade", index=True)
    volunteer_id = fields.Many2one("mazpulki.volunteer", required=True, ondelete="cascade", index=True)
    team_id = fields.Many2one(related="volunteer_id.team_id")
    hours = fields.Float(string="Approved Hours", readonly=True)
    projects = fields.Integer(string="Completed Projects", readonly=True)
    events = fields.Integer(string="Events Attended", readonly=True)
    is_nominated = fields.Boolean(string="Nominated")
    nomination_note = fields.Text(string="Nomination")
    award_id = fields.Many2one("mazpulki.volunteer.award", readonly=True)

    _sql_constraints = [
        ("campaign_volunteer_uniq", "unique(campaign_id, volunteer_id)", "The volunteer is already a candidate.")
    ]

    def action_grant(self):
        Award = self.env["mazpulki.volunteer.award"]
        for candidate in self.filtered(lambda cand: not cand.award_id):
            campaign = candidate.campaign_id
            if campaign.state != "open":
                raise UserError(self.env._("The campaign %s is closed.", campaign.name))
            if campaign.award_type_id.needs_nomination and not candidate.is_nominated:
                raise UserError(
                    self.env._("%s must be nominated before the award is granted.", candidate.volunteer_id.name)
                )
            candidate.award_id = Award.create(
                {
                    "volunteer_id": candidate.volunteer_id.id,
                    "award_type_id": campaign.award_type_id.id,
                    "campaign_id": campaign.id,
                    "year": campaign.year,
                    "hours": candidate.hours,
                }
            )


class MazpulkiVolunteerAward(models.Model):
    _name = "mazpulki.volunteer.award"
    _description = "Volunteer Award"
    _order = "date desc, id desc"
    _rec_name = "award_type_id"

    volunteer_id = fields.Many2one("mazpulki.volunteer", required=True, ondelete="restrict", index=True)
    partner_id = fields.Many2one(related="volunteer_id.partner_id", store=True)
    team_id = fields.Many2one(related="volunteer_id.team_id", store=True)
    award_type_id = fields.Many2one("mazpulki.volunteer.award.type", required=True, ondelete="restrict")
    kind = fields.Selection(related="award_type_id.kind", store=True)
    campaign_id = fields.Many2one("mazpulki.volunteer.award.campaign", ondelete="set null", index="btree_not_null")
    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year)
    date = fields.Date(string="Granted On", required=True, default=fields.Date.context_today)
    hours = fields.Float(string="Approved Hours", help="The hours the award was granted for.")

    def action_print_certificate(self):
        return self.env.ref("mazpulki_volunteer.mazpulki_volunteer_award_report").report_action(self)
