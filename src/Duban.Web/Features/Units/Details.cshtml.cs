using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Organisation;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.Units;

[Requires(Permission.Read)]
public sealed class DetailsModel(DubanDb db, ScopeAccessor scopes) : PageModel
{
    public Unit Unit { get; private set; } = null!;
    public IReadOnlyList<Unit> Ancestors { get; private set; } = [];
    public IReadOnlyList<Unit> Children { get; private set; } = [];
    public IReadOnlyList<Person> People { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var unit = await db.Units.VisibleTo(scope).AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            return NotFound();
        }

        Unit = unit;
        Ancestors = await UnitQueries.AncestorsAsync(db, scope, unit, ct);
        Children = await db.Units.VisibleTo(scope).AsNoTracking().Where(u => u.ParentId == id).OrderBy(u => u.SortOrder).ThenBy(u => u.Name).ToListAsync(ct);
        People = await db.People.VisibleTo(db, scope).AsNoTracking().Where(p => p.UnitId == id).OrderByDescending(p => p.IsLeader).ThenBy(p => p.Id).ToListAsync(ct);
        return Page();
    }
}
