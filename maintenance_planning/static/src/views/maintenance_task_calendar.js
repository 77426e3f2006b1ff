import { registry } from "@web/core/registry";
import { calendarView } from "@web/views/calendar/calendar_view";
import { CalendarRenderer } from "@web/views/calendar/calendar_renderer";
import { CalendarCommonRenderer } from "@web/views/calendar/calendar_common/calendar_common_renderer";

/**
 * Planning of maintenance tasks: a task overlapping another task of one of
 * its technicians (`has_conflict`) is drawn in red.
 */
export class MaintenanceTaskCalendarCommonRenderer extends CalendarCommonRenderer {
    eventClassNames(info) {
        const classes = super.eventClassNames(info);
        const record = this.props.model.records[info.event.id];
        if (record?.rawRecord.has_conflict) {
            classes.push("o_maintenance_task_conflict");
        }
        return classes;
    }
}

export class MaintenanceTaskCalendarRenderer extends CalendarRenderer {
    static components = {
        ...CalendarRenderer.components,
        day: MaintenanceTaskCalendarCommonRenderer,
        week: MaintenanceTaskCalendarCommonRenderer,
        month: MaintenanceTaskCalendarCommonRenderer,
    };
}

export const maintenanceTaskCalendarView = {
    ...calendarView,
    Renderer: MaintenanceTaskCalendarRenderer,
};

registry.category("views").add("maintenance_task_calendar", maintenanceTaskCalendarView);
