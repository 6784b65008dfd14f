using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Organisation;
using Duban.Domain.Promotion;
using Duban.Domain.Work;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.Leads;

/// <summary>
/// The leads a person may see (its unit's, those it is attached to, or the region's for the office), worst light
/// first, with the region's funnel as counts above them: who cannot read a lead still sees how many there are.
/// </summary>
[Requires(Permission.Read)]
public sealed class IndexModel(DubanDb db, WorkContext work) : PageModel
{
    public LeadPage Leads { get; private set; } = new([], 0, 1, 50);
    public IReadOnlyList<StageFigure> Funnel { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<Unit> Units { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? UnitId { get; set; }

    [BindProperty(SupportsGet = true)]
    public LeadStage? Stage { get; set; }

    [BindProperty(SupportsGet = true)]
    public Light? Light { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(Name = "p", SupportsGet = true)]
    public int? PageNumber { get; set; }

    public bool May(Permission permission) => work.May(permission);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await work.ScopeAsync(ct);
        Q = Q is { Length: > 100 } ? Q[..100] : Q;
        Stage = Stage is { } s && Enum.IsDefined(s) ? s : null;
        Light = Light is { } l && Enum.IsDefined(l) ? l : null;
        if (scope.May(Permission.ReadLeads))
        {
            Leads = await LeadQueries.ListAsync(db, scope, new LeadFilter { UnitId = UnitId, Stage = Stage, Light = Light, Q = Q, Page = InputBounds.Page(PageNumber) }, ct);
        }

        var counts = await db.Leads.AsNoTracking().Where(x => x.RegionId == scope.RegionId).GroupBy(x => x.Stage).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var highest = await db.Leads.AsNoTracking().Where(x => x.RegionId == scope.RegionId).GroupBy(x => x.HighestStage).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var stageCounts = Enum.GetValues<LeadStage>().Select(st => new StageCount(st, counts.Where(c => c.Key == st).Sum(c => c.N), highest.Where(c => c.Key == st).Sum(c => c.N), 0, 0)).ToList();
        Funnel = LeadFigures.Stages(stageCounts);
        Total = LeadFigures.Total(stageCounts);
        Units = await db.Units.AsNoTracking().Where(u => u.RegionId == scope.RegionId && u.IsActive).OrderBy(u => u.Path).ToListAsync(ct);
        Units = scope.RegionWide ? Units : Units.Where(scope.CanSee).ToList();
    }
}
