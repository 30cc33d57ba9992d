package io.mvinfra.host.module;

/** A Meveo timer entity: EJB-style schedule fields, turned into a cron expression for the scheduler. */
public record TimerDescriptor(String code, String description, String second, String minute, String hour,
                              String dayOfMonth, String month, String dayOfWeek, String year, String file) {

    /** Six-field cron (second minute hour day-of-month month day-of-week), as db-scheduler reads it. */
    public String cron() {
        return String.join(" ", or(second, "0"), or(minute, "0"), or(hour, "0"), or(dayOfMonth, "*"), or(month, "*"),
                dayOfWeek == null || dayOfWeek.isBlank() || dayOfWeek.equals("*") ? "*" : dayOfWeek);
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
