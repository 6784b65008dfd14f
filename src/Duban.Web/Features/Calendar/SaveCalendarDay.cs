using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Work;
using Duban.Web.Features.Lights;
using Duban.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Calendar;

public sealed record CalendarDayInput
{
    public DateOnly? Date { get; init; }
    public bool IsWorkday { get; init; }
    public string? Name { get; init; }
}

public sealed record CalendarDayDto(int Id, DateOnly Date, bool IsWorkday, string Name)
{
    public static CalendarDayDto From(CalendarDay d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Id, d.Date, d.IsWorkday, d.Name);
    }
}

/// <summary>The office records a holiday or a make-up workday (调休); lights that count workdays follow at once.</summary>
public sealed class SaveCalendarDay(DubanDb db, ScopeAccessor scopes, RecomputeLights lights, IStringLocalizer<SharedResource> l)
{
    public async Task<Outcome<CalendarDay>> AddAsync(CalendarDayInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await scopes.GetAsync(ct);
        scope.Demand(Permission.ManageCalendar);
        var errors = new ValidationErrors();
        var name = input.Name?.Trim();
        if (input.Date is null)
        {
            errors.Add(nameof(CalendarDayInput.Date), l["Validation.Required"]);
        }
        else
        {
            var weekend = input.Date.Value.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            if (input.IsWorkday && !weekend)
            {
                errors.Add(nameof(CalendarDayInput.IsWorkday), l["Calendar.WeekdayIsWorkday"]);
            }
            else if (!input.IsWorkday && weekend)
            {
                errors.Add(nameof(CalendarDayInput.IsWorkday), l["Calendar.WeekendIsRest"]);
            }
            else if (await db.CalendarDays.AnyAsync(d => d.RegionId == scope.RegionId && d.Date == input.Date, ct))
            {
                errors.Add(nameof(CalendarDayInput.Date), l["Calendar.Duplicate"]);
            }
        }

        if (string.IsNullOrEmpty(name))
        {
            errors.Add(nameof(CalendarDayInput.Name), l["Validation.Required"]);
        }
        else if (name.Length > 50)
        {
            errors.Add(nameof(CalendarDayInput.Name), l["Validation.MaxLength", 50]);
        }

        if (errors.Any)
        {
            return Outcome<CalendarDay>.Invalid(errors);
        }

        var day = new CalendarDay { RegionId = scope.RegionId, Date = input.Date!.Value, IsWorkday = input.IsWorkday, Name = name! };
        db.CalendarDays.Add(day);
        await db.SaveChangesAsync(ct);
        await lights.RunAsync(scope.RegionId, null, ct);
        return Outcome<CalendarDay>.Ok(day);
    }

    public async Task<bool> RemoveAsync(int id, CancellationToken ct = default)
    {
        var scope = await scopes.GetAsync(ct);
        scope.Demand(Permission.ManageCalendar);
        var day = await db.CalendarDays.FirstOrDefaultAsync(d => d.Id == id && d.RegionId == scope.RegionId, ct);
        if (day is null)
        {
            return false;
        }

        db.CalendarDays.Remove(day);
        await db.SaveChangesAsync(ct);
        await lights.RunAsync(scope.RegionId, null, ct);
        return true;
    }
}
