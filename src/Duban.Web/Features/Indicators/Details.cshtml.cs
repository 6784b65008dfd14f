using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Organisation;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Indicators;

/// <summary>
/// One indicator for a year: the monthly series against target, time progress and last year, the light each
/// month had, the units ranked, the peers, the revisions; and for the office the target and figure forms.
/// Urging, notices and instructions are on its work item's page, as for any task.
/// </summary>
[Requires(Permission.Read)]
public sealed class DetailsModel(DubanDb db, WorkContext work, IndicatorActions actions, IStringLocalizer<SharedResource> l) : PageModel
{
    public IndicatorDetailDto Detail { get; private set; } = null!;
    public Comparison? Comparison { get; private set; }
    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public bool RegionWide { get; private set; }

    /// <summary>The work item's page, where the target is urged and noticed, when the reader may open it.</summary>
    public int? WorkItemPage { get; private set; }

    public bool May(Permission permission) => work.May(permission);

    [BindProperty]
    public TargetInput Target { get; set; } = new();

    [BindProperty]
    public ValueInput Figure { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, int? year, int? unitId, string? rankBy, CancellationToken ct) =>
        await LoadAsync(id, year, unitId, rankBy, ct) ? Page() : NotFound();

    [Requires(Permission.EditWork)]
    public async Task<IActionResult> OnPostTargetAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, Target.Year, Target.UnitId, await actions.SetTargetAsync(id, Target, ct), "Target.", ct);

    [Requires(Permission.RecordIndicators)]
    public async Task<IActionResult> OnPostFigureAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, Figure.Year, Figure.UnitId, await actions.RecordAsync(id, Figure, ct), "Figure.", ct);

    private async Task<IActionResult> AfterAsync<T>(int id, int? year, int? unitId, Outcome<T> outcome, string prefix, CancellationToken ct)
    {
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (outcome.Kind == OutcomeKind.Invalid)
        {
            outcome.Errors!.CopyTo(ModelState, prefix);
            return await LoadAsync(id, year, unitId, null, ct, keepForms: true) ? Page() : NotFound();
        }

        TempData["Flash"] = l["Common.Saved"].Value;
        return Redirect($"/Indicators/{id}?year={year ?? work.Today.Year}" + (unitId is { } u ? $"&unitId={u}" : string.Empty));
    }

    private async Task<bool> LoadAsync(int id, int? year, int? unitId, string? rankBy, CancellationToken ct, bool keepForms = false)
    {
        var scope = await work.ScopeAsync(ct);
        var y = year is >= InputBounds.FirstYear and <= InputBounds.LastYear ? year.Value : work.Today.Year;
        var settings = await IndicatorsApi.SettingsAsync(db, scope.RegionId, ct);
        var detail = await IndicatorQueries.DetailAsync(db, scope, id, y, unitId, settings, work.Zone, ct);
        if (detail is null)
        {
            return false;
        }

        Detail = detail;
        RegionWide = scope.RegionWide;
        if (unitId is null)
        {
            Comparison = await IndicatorQueries.CompareAsync(db, scope, id, y, null, rankBy, ct);
            if (Comparison?.Rows.Count == 0)
            {
                Comparison = null;
            }
        }

        if (detail.Target is { } target)
        {
            var lead = await db.WorkItems.AsNoTracking().Where(w => w.Id == target.WorkItemId).Select(w => w.LeadUnitPath).FirstOrDefaultAsync(ct);
            WorkItemPage = lead is not null && (scope.RegionWide || scope.CanSee(scope.RegionId, lead)) ? target.WorkItemId : null;
        }

        if (work.May(Permission.EditWork) || work.May(Permission.RecordIndicators))
        {
            Units = await db.Units.AsNoTracking().Where(u => u.RegionId == scope.RegionId && u.IsActive).OrderBy(u => u.Path).ToListAsync(ct);
        }

        if (!keepForms)
        {
            var latest = detail.Series.Where(s => s.Value is not null || s.Yoy is not null).Select(s => (int?)s.PeriodTo).Max();
            Target = new TargetInput { Year = y, UnitId = unitId, Value = detail.Target?.Value, Growth = detail.Target?.Growth, HalfYearPercent = detail.Target?.HalfYearPercent, ThreeQuartersPercent = detail.Target?.ThreeQuartersPercent };
            Figure = new ValueInput { Year = y, UnitId = unitId, PeriodTo = detail.Series.Select(s => s.PeriodTo).FirstOrDefault(m => m > (latest ?? 0), detail.Series[^1].PeriodTo) };
        }

        return true;
    }
}
