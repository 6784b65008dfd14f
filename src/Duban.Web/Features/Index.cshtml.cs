using Duban.Data;
using Duban.Domain.Access;
using Duban.Web.Features.Home;
using Duban.Web.Features.Overview;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features;

/// <summary>
/// The home page (工作台): each person finds their own work. What it shows follows the permission table, not
/// the role's name: who decides sees what waits on a decision; who instructs, the items they answer for; who
/// reports, what is due; who keeps accounts, the accounts and the system's health.
/// </summary>
[Requires(Permission.Read)]
public sealed class IndexModel(DubanDb db, WorkContext work, IStringLocalizer<SharedResource> l) : PageModel
{
    public string RegionName { get; private set; } = string.Empty;
    public string ScopeText { get; private set; } = string.Empty;
    public OfficeDesk? Office { get; private set; }
    public LeaderDesk? Leader { get; private set; }
    public MyWorkData? Mine { get; private set; }
    public AdminDesk? Admin { get; private set; }
    public LightCounts? Lights { get; private set; }
    public BulletinLine? LatestBulletin { get; private set; }
    public bool Audits { get; private set; }
    public DateTime UtcNow => work.UtcNow;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await work.ScopeAsync(ct);
        RegionName = await db.Regions.Where(r => r.Id == scope.RegionId).Select(r => r.Name).FirstAsync(ct);
        if (scope.RegionWide)
        {
            ScopeText = l["Home.ScopeRegion", RegionName];
        }
        else
        {
            var unitId = User.UnitId();
            var unitName = await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(ct);
            ScopeText = RegionName + " · " + l["Home.ScopeUnit", unitName ?? "—"];
        }

        if (scope.May(Permission.Decide))
        {
            Office = await HomeQueries.OfficeAsync(db, scope, work.Today, work.UtcNow, ct);
        }

        if (scope.May(Permission.Instruct))
        {
            Leader = await HomeQueries.LeaderAsync(db, scope, work.UtcNow, ct);
        }

        if (scope.ReachOf(Permission.Report) == Reach.Led)
        {
            Mine = await MyWork.LoadAsync(db, work, scope, ct);
        }

        if (scope.May(Permission.ManageAccounts))
        {
            Admin = await HomeQueries.AdminAsync(db, scope, work.UtcNow, ct);
        }

        Audits = scope.May(Permission.ReadAudit);
        if (Office is null && Leader is null && Admin is null)
        {
            Lights = await HomeQueries.LightsAsync(db, scope, ct);
        }

        LatestBulletin = await HomeQueries.LatestBulletinAsync(db, scope, ct);
    }
}
