import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("mazpulki_projects_backoffice", {
    steps: () => [
        {
            content: "The kanban shows the stages in the project's order, Submitted after Draft",
            trigger: ".o_kanban_renderer > .o_kanban_group:nth-child(2) .o_column_title:contains('Submitted')",
        },
        {
            content: "The kanban shows the club's submitted application in its stage",
            trigger: ".o_kanban_record:contains('Bišu drava kanbānā')",
            run: "click",
        },
        {
            content: "Approve: the decision opens with a comment for the team",
            trigger: ".o_form_view .o_statusbar_buttons button:contains('Approve')",
            run: "click",
        },
        {
            content: "A word for the team",
            trigger: ".modal .o_field_widget[name='comment'] textarea",
            run: "edit Laba ideja, veiksmi!",
        },
        {
            content: "Apply",
            trigger: ".modal button[name='action_apply']",
            run: "click",
        },
        {
            content: "Approved",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='approved']",
        },
    ],
});

registry.category("web_tour.tours").add("mazpulki_projects_backoffice_confirm_team", {
    steps: () => [
        {
            content: "The form says the applicant proposed team-mates",
            trigger: ".o_form_view .o_mazpulki_confirm_team_alert",
        },
        {
            content: "The proposed team-mate is listed",
            trigger: ".o_field_widget[name='proposed_member_ids'] .o_tag:contains('Ērika Šķēle')",
        },
        {
            content: "Confirm the team",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_confirm_team']",
            run: "click",
        },
        {
            content: "Ērika is in the team now",
            trigger: ".o_field_widget[name='member_ids'] .o_tag:contains('Ērika Šķēle')",
        },
        {
            content: "and the application can be approved",
            trigger: ".o_form_view .o_statusbar_buttons button:contains('Approve')",
        },
    ],
});
