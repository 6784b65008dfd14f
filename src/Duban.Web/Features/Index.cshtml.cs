using Duban.Data;
using Duban.Domain.Access;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features;

[Requires(Permission.Read)]
public sealed class IndexModel(DubanDb db, ScopeAccessor scopes, IStringLocalizer<SharedResource> l) : PageModel
{
    public string RegionName { get; private set; } = string.Empty;
    public int UnitCount { get; private set; }
    public int PeopleCount { get; private set; }
    public string ScopeText { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        RegionName = await db.Regions.Where(r => r.Id == scope.RegionId).Select(r => r.Name).FirstAsync(ct);
        UnitCount = await db.Units.VisibleTo(scope).CountAsync(u => u.IsActive, ct);
        PeopleCount = await db.People.VisibleTo(db, scope).CountAsync(p => p.IsActive, ct);
        if (scope.RegionWide)
        {
            ScopeText = l["Home.ScopeRegion", RegionName];
        }
        else
        {
            var unitId = User.UnitId();
            var unitName = await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(ct);
            ScopeText = l["Home.ScopeUnit", unitName ?? "—"];
        }
    }
}
