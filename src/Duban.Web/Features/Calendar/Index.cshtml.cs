using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Work;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Calendar;

/// <summary>The region's official calendar: holidays on weekdays and make-up workdays on weekends.</summary>
[Requires(Permission.ManageCalendar)]
public sealed class IndexModel(DubanDb db, ScopeAccessor scopes, SaveCalendarDay save, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public int Year { get; private set; }
    public IReadOnlyList<CalendarDay> Days { get; private set; } = [];

    [BindProperty]
    public CalendarDayInput Input { get; set; } = new();

    public async Task OnGetAsync(int? year, CancellationToken ct) => await LoadAsync(year, ct);

    public async Task<IActionResult> OnPostAddAsync(int? year, CancellationToken ct)
    {
        var outcome = await save.AddAsync(Input, ct);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            outcome.Errors!.CopyTo(ModelState, "Input.");
            await LoadAsync(year, ct);
            return Page();
        }

        TempData["Flash"] = l["Common.Saved"].Value;
        return Redirect($"/Calendar?year={outcome.Value!.Date.Year}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int? year, CancellationToken ct)
    {
        if (!await save.RemoveAsync(id, ct))
        {
            return NotFound();
        }

        TempData["Flash"] = l["Common.Saved"].Value;
        return Redirect($"/Calendar?year={year}");
    }

    private async Task LoadAsync(int? year, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        Year = InputBounds.Year(year, clock.GetUtcNow().Year);
        var from = new DateOnly(Year, 1, 1);
        var to = new DateOnly(Year, 12, 31);
        Days = await db.CalendarDays.AsNoTracking().Where(d => d.RegionId == scope.RegionId && d.Date >= from && d.Date <= to).OrderBy(d => d.Date).ToListAsync(ct);
    }
}
