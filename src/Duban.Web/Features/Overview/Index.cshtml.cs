using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Organisation;
using Duban.Domain.Work;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.Overview;

/// <summary>The overview (一图揽全局), and with ?screen=true the self-refreshing big screen (驾驶舱).</summary>
[Requires(Permission.Read)]
public sealed class IndexModel(DubanDb db, DubanDbForks forks, WorkContext work) : PageModel
{
    public OverviewData Data { get; private set; } = null!;
    public OverviewFilter Filter { get; private set; } = new();
    public bool Screen { get; private set; }
    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public IReadOnlyList<Ledger> Ledgers { get; private set; } = [];
    public IReadOnlyList<Person> Leaders { get; private set; } = [];
    public int MinDepth { get; private set; }

    public async Task OnGetAsync(int? unitId, int? ledgerId, int? leaderId, WorkItemKind? kind, bool screen, CancellationToken ct)
    {
        var scope = await work.ScopeAsync(ct);
        Filter = new OverviewFilter { UnitId = unitId, LedgerId = ledgerId, LeaderId = leaderId, Kind = kind };
        Screen = screen;
        // The filters' choices are read on a context of their own while the overview is counted.
        var choices = Task.Run(async () =>
        {
            await using var side = forks.Create();
            var units = await side.Units.VisibleTo(scope).AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Path).ToListAsync(ct);
            var ledgers = await side.Ledgers.AsNoTracking().Where(l => l.RegionId == scope.RegionId && !l.IsArchived).OrderByDescending(l => l.Year).ThenBy(l => l.Id).ToListAsync(ct);
            var leaders = await side.People.AsNoTracking().Where(p => p.RegionId == scope.RegionId && p.IsLeader && p.IsActive).OrderBy(p => p.Id).ToListAsync(ct);
            return (units, ledgers, leaders);
        }, ct);
        Data = await OverviewQueries.LoadAsync(db, scope, Filter, work.Today, work.UtcNow, work.Zone, forks.Create, ct);
        (var all, Ledgers, Leaders) = await choices;
        Units = all;
        MinDepth = Units.Count == 0 ? 0 : Units.Min(u => u.Depth);
    }

    /// <summary>The link behind a figure: the same filter, one unit (or the root), one light or condition.</summary>
    public string ItemsUrl(int? unitId, Light? light = null, string? only = null, WorkItemKind? kind = null, bool direct = false) =>
        "/Overview/Items?" + string.Join("&", new[]
        {
            unitId is { } u && u != 0 ? $"unitId={u}" : null,
            Filter.LedgerId is { } l ? $"ledgerId={l}" : null,
            Filter.LeaderId is { } p ? $"leaderId={p}" : null,
            (kind ?? Filter.Kind) is { } k ? $"kind={k}" : null,
            light is { } li ? $"light={li}" : null,
            only is not null ? $"only={only}" : null,
            direct ? "direct=true" : null,
        }.Where(x => x is not null));
}
