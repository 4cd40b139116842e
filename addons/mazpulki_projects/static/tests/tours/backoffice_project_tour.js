import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("mazpulki_projects_backoffice", {
    steps: () => [
        {
            content: "The kanban shows the club's submitted application in its stage",
            trigger: ".o_kanban_record:contains('Bišu drava kanbānā')",
            run: "click",
        },
        {
            content: "The form opens with the decision buttons",
            trigger: ".o_form_view button[name='action_approve']",
            run: "click",
        },
        {
            content: "Approved",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='approved']",
        },
    ],
});
