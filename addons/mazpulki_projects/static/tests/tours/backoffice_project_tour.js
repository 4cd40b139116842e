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
