using System.ComponentModel.DataAnnotations;
using Duban.Data;
using Duban.Domain.Access;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.Calendar;

public static class CalendarApi
{
    public static void MapCalendarApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/calendar").WithTags("Calendar");

        group.MapGet("/", async Task<Ok<List<CalendarDayDto>>> ([Range(InputBounds.FirstYear, InputBounds.LastYear)] int? year, DubanDb db, ScopeAccessor scopes, CancellationToken ct) =>
        {
            var scope = await scopes.GetAsync(ct);
            var days = await db.CalendarDays.AsNoTracking()
                .Where(d => d.RegionId == scope.RegionId && (year == null || (d.Date >= new DateOnly(year.Value, 1, 1) && d.Date <= new DateOnly(year.Value, 12, 31))))
                .OrderBy(d => d.Date).ToListAsync(ct);
            return TypedResults.Ok(days.Select(CalendarDayDto.From).ToList());
        }).Requires(Permission.Read);

        group.MapPost("/", async Task<Results<Created<CalendarDayDto>, ValidationProblem, NotFound>> (CalendarDayInput input, SaveCalendarDay save, CancellationToken ct) =>
            (await save.AddAsync(input, ct)).ToCreated(CalendarDayDto.From, d => $"/api/v1/calendar/{d.Id}"))
            .Requires(Permission.ManageCalendar);

        group.MapDelete("/{id:int}", async Task<Results<NoContent, NotFound>> (int id, SaveCalendarDay save, CancellationToken ct) =>
            await save.RemoveAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .Requires(Permission.ManageCalendar);
    }
}
