from odoo import api, models


class MazpulkiDataExport(models.AbstractModel):
    _inherit = "mazpulki.data.export"

    @api.model
    def _mazpulki_export_sections(self, member):
        """Adds the member's volunteer profile, hours, shifts, award candidacies and awards."""
        sections = super()._mazpulki_export_sections(member)
        volunteers = (
            self.env["mazpulki.volunteer"].with_context(active_test=False).search([("partner_id", "=", member.id)])
        )
        profile = self._mazpulki_export_records(
            "volunteer",
            self.env._("Volunteer Profile"),
            volunteers,
            [
                "active",
                "team_id",
                (
                    "coordinator",
                    self.env._("Coordinator"),
                    lambda v: self._mazpulki_export_person(member, v.coordinator_id.partner_id),
                ),
                "date_start",
                "skill_ids",
                "availability",
                "emergency_contact",
                "training_event_ids",
                "note",
            ],
        )
        hours = self._mazpulki_export_records(
            "volunteer_hours",
            self.env._("Volunteer Hours"),
            volunteers.line_ids.sorted(lambda line: (line.date, line.id)),
            [
                "date",
                "name",
                "unit_amount",
                "mazpulki_activity_id",
                "event_id",
                "mazpulki_team_id",
                "volunteer_state",
                "mazpulki_date_approved",
                "mazpulki_reject_reason",
            ],
        )
        shifts = self._mazpulki_export_records(
            "volunteer_shifts",
            self.env._("Volunteer Shifts"),
            self.env["mazpulki.volunteer.shift.registration"].search([("volunteer_id", "in", volunteers.ids)]),
            [
                ("shift", self.env._("Shift"), lambda r: r.shift_id.name),
                ("activity", self.env._("Activity"), lambda r: r.shift_id.activity_id.name),
                ("event", self.env._("Event"), lambda r: r.shift_id.event_id.name or None),
                "date_begin",
                "state",
            ],
        )
        candidacies = self._mazpulki_export_records(
            "volunteer_award_candidates",
            self.env._("Award Candidacies"),
            self.env["mazpulki.volunteer.award.candidate"].search([("volunteer_id", "in", volunteers.ids)]),
            ["campaign_id", "hours", "projects", "events", "is_nominated", "nomination_note"],
        )
        awards = self._mazpulki_export_records(
            "volunteer_awards",
            self.env._("Volunteer Awards"),
            volunteers.award_ids,
            ["award_type_id", "year", "date", "hours"],
        )
        return [*sections, profile, hours, shifts, candidacies, awards]
