import { Component, onMounted, onWillStart, onWillUnmount, useRef, useState } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { loadBundle } from "@web/core/assets";
import { formatFloat } from "@web/core/utils/numbers";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { user } from "@web/core/user";

const STATUS_LABELS = {
    met: _t("Met"),
    on_track: _t("On track"),
    at_risk: _t("At risk"),
    missed: _t("Missed"),
    none: "",
};

const UNIT_SUFFIXES = { percent: " %", pp: " p.p.", eur: " €", hours: " h" };

export class StrategyBoard extends Component {
    static template = "mazpulki_strategy.StrategyBoard";
    static props = ["*"];

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.notification = useService("notification");
        this.chartRef = useRef("chart");
        this.chart = null;
        this.state = useState({
            yearFrom: 2021,
            yearTo: 2027,
            areaId: "",
            regionId: "",
            areas: [],
            regions: [],
            data: null,
            funding: null,
            chartTargetId: null,
            canClose: false,
        });
        onWillStart(async () => {
            const [areas, regions, canClose] = await Promise.all([
                this.orm.searchRead("mazpulki.strategy.area", [], ["display_name"]),
                this.orm.searchRead("mazpulki.region", [], ["name"]),
                user.hasGroup("mazpulki_members.group_mazpulki_officer"),
                loadBundle("web.chartjs_lib"),
            ]);
            Object.assign(this.state, { areas, regions, canClose });
            await Promise.all([this.load(), this.loadFunding()]);
        });
        onMounted(() => this.renderChart());
        onWillUnmount(() => this.chart?.destroy());
    }

    get years() {
        return this.state.data ? this.state.data.years : [];
    }

    async load() {
        const areaIds = this.state.areaId ? [parseInt(this.state.areaId)] : [];
        const regionIds = this.state.regionId ? [parseInt(this.state.regionId)] : [];
        this.state.data = await this.orm.call("mazpulki.strategy.board", "get_board_data", [
            this.state.yearFrom,
            this.state.yearTo,
            areaIds,
            regionIds,
        ]);
        this.renderChart();
    }

    async loadFunding() {
        // national figures: the area and region filters do not narrow them
        this.state.funding = await this.orm.call("mazpulki.strategy.board", "get_funding_data", [
            this.state.yearFrom,
            this.state.yearTo,
        ]);
    }

    formatMoney(value) {
        if (value === null || value === undefined) {
            return "–";
        }
        return this.format(value, "eur");
    }

    async onFilterChange(field, ev) {
        this.state[field] = ev.target.value;
        await this.load();
    }

    statusLabel(status) {
        return STATUS_LABELS[status] || "";
    }

    /**
     * A figure in the user's language, as the PDF prints it (``_format_figure``):
     * "4,02 %", "3 000 €", "+12,5 %", "Jā"; "–" when there is none.
     */
    format(value, unit, signed = false) {
        if (value === null || value === undefined) {
            return "–";
        }
        if (unit === "yes_no") {
            return value >= 1 ? _t("Yes") : _t("No");
        }
        let text = formatFloat(value, { digits: [16, unit === "eur" ? 0 : 2], trailingZeros: false });
        if (signed && value > 0) {
            text = `+${text}`;
        }
        return text + (UNIT_SUFFIXES[unit] || "");
    }

    async openRecords(row, year) {
        if (!row.drilldown) {
            return;
        }
        const regionIds = this.state.regionId ? [parseInt(this.state.regionId)] : [];
        const action = await this.orm.call("mazpulki.strategy.board", "action_open_records", [
            row.id,
            year,
            regionIds,
        ]);
        await this.action.doAction(action);
    }

    showChart(row) {
        this.state.chartTargetId = this.state.chartTargetId === row.id ? null : row.id;
        // the canvas appears on the next render
        setTimeout(() => this.renderChart());
    }

    renderChart() {
        this.chart?.destroy();
        this.chart = null;
        const row = this.state.data?.rows.find((r) => r.id === this.state.chartTargetId);
        if (!row || !this.chartRef.el || !window.Chart) {
            return;
        }
        const years = this.years;
        this.chart = new window.Chart(this.chartRef.el, {
            type: "bar",
            data: {
                labels: years.map(String),
                datasets: [
                    { label: _t("Actual"), data: years.map((y) => row.years[y].actual), backgroundColor: "#1f7a4d" },
                    {
                        label: _t("Target"),
                        type: "line",
                        data: years.map((y) => row.years[y].target),
                        borderColor: "#c0392b",
                    },
                ],
            },
            options: { maintainAspectRatio: false, animation: false },
        });
    }

    get yearToClose() {
        // the last year that has ended, unless it is closed already
        if (!this.state.data) {
            return false;
        }
        const year = parseInt(this.state.data.today.slice(0, 4)) - 1;
        return this.state.data.closed_years.includes(year) ? false : year;
    }

    async closeYear() {
        const year = this.yearToClose;
        await this.orm.call("mazpulki.strategy.board", "action_close_year", [year]);
        this.notification.add(_t("The year %s is closed: its figures are frozen.", year), { type: "success" });
        await this.load();
    }

    async printPdf() {
        await this.action.doAction({
            type: "ir.actions.report",
            report_type: "qweb-pdf",
            report_name: "mazpulki_strategy.report_board",
            report_file: "mazpulki_strategy.report_board",
            data: {
                year_from: this.state.yearFrom,
                year_to: this.state.yearTo,
                area_ids: this.state.areaId ? [parseInt(this.state.areaId)] : [],
                region_ids: this.state.regionId ? [parseInt(this.state.regionId)] : [],
            },
        });
    }

    exportStatistics() {
        const year = this.state.data ? parseInt(this.state.data.today.slice(0, 4)) : this.state.yearTo;
        window.location = `/mazpulki_strategy/statistics.xlsx?year=${year}`;
    }

    async exportXlsx() {
        const areaIds = this.state.areaId ? this.state.areaId : "";
        const regionIds = this.state.regionId ? this.state.regionId : "";
        window.location = `/mazpulki_strategy/board.xlsx?year_from=${this.state.yearFrom}&year_to=${this.state.yearTo}&area_ids=${areaIds}&region_ids=${regionIds}`;
    }
}

registry.category("actions").add("mazpulki_strategy_board", StrategyBoard);
