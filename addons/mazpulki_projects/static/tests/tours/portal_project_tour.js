import { registry } from "@web/core/registry";

// A 1×1 PNG, the photo the member adds to the report.
const PNG_BASE64 =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

registry.category("web_tour.tours").add("mazpulki_projects_portal_apply", {
    url: "/my/projects",
    steps: () => [
        {
            content: "Apply on the open theme",
            trigger: ".o_mazpulki_open_themes li:contains('Testa tēma: Mans dārzs') a.o_mazpulki_apply",
            run: "click",
        },
        {
            content: "Title",
            trigger: ".o_mazpulki_application_form input[name='name']",
            run: "edit Zemeņu dobe",
        },
        {
            content: "Goal",
            trigger: ".o_mazpulki_application_form textarea[name='goal']",
            run: "edit Izaudzēt zemenes skolas tirdziņam.",
        },
        {
            content: "Save the draft and come back later",
            trigger: ".o_mazpulki_application_form button.o_mazpulki_save_draft",
            run: "click",
        },
        {
            content: "The draft is saved",
            trigger: ".o_mazpulki_saved",
        },
        {
            content: "Come back to the draft",
            trigger: "a.o_mazpulki_edit_application",
            run: "click",
        },
        {
            content: "What was typed is still there",
            trigger: ".o_mazpulki_application_form textarea[name='goal']:value(Izaudzēt zemenes skolas tirdziņam.)",
        },
        {
            content: "Plan",
            trigger: ".o_mazpulki_application_form textarea[name='plan']",
            run: "edit Aprīlī stādu, jūnijā novācu ražu.",
        },
        {
            content: "Expected result",
            trigger: ".o_mazpulki_application_form textarea[name='expected_result']",
            run: "edit 10 kg zemeņu.",
        },
        {
            content: "Submit",
            trigger: ".o_mazpulki_application_form button.o_mazpulki_submit",
            run: "click",
        },
        {
            content: "Submitted",
            trigger: ".o_mazpulki_submitted",
        },
    ],
});

registry.category("web_tour.tours").add("mazpulki_projects_portal_report", {
    steps: () => [
        {
            content: "Write the final report",
            trigger: "a.o_mazpulki_write_report",
            run: "click",
        },
        {
            content: "What was done",
            trigger: ".o_mazpulki_report_form textarea[name='report_done']",
            run: "edit Iestādīju 30 zemeņu stādus un tos kopu.",
        },
        {
            content: "Results",
            trigger: ".o_mazpulki_report_form textarea[name='report_results']",
            run: "edit Novācu 12 kg zemeņu.",
        },
        {
            content: "What was learned",
            trigger: ".o_mazpulki_report_form textarea[name='report_learned']",
            run: "edit Kā laistīt un mulčēt.",
        },
        {
            content: "Hours spent",
            trigger: ".o_mazpulki_report_form input[name='report_hours']",
            run: "edit 24",
        },
        {
            content: "Add a photo",
            trigger: ".o_mazpulki_report_form input[name='evidence']",
            run() {
                const bytes = Uint8Array.from(atob(PNG_BASE64), (c) => c.charCodeAt(0));
                const transfer = new DataTransfer();
                transfer.items.add(new File([bytes], "zemenes.png", { type: "image/png" }));
                const input = document.querySelector(".o_mazpulki_report_form input[name='evidence']");
                input.files = transfer.files;
            },
        },
        {
            content: "Submit the report",
            trigger: ".o_mazpulki_report_form button.o_mazpulki_submit_report",
            run: "click",
        },
        {
            content: "The report is submitted, with the photo",
            trigger: ".o_mazpulki_report_submitted",
        },
        {
            content: "The photo is listed",
            trigger: ".o_mazpulki_evidence a:contains('zemenes.png')",
        },
    ],
});

registry.category("web_tour.tours").add("mazpulki_projects_portal_evaluation", {
    steps: () => [
        {
            content: "The evaluation is shown with the score",
            trigger: ".o_mazpulki_score:contains('9.0')",
        },
        {
            content: "and the reviewer's comment",
            trigger: ".o_mazpulki_review_comment:contains('Ļoti rūpīgs darbs!')",
        },
    ],
});
