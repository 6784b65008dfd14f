using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Organisation;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.People;

[Requires(Permission.Read)]
public sealed class DetailsModel(DubanDb db, ScopeAccessor scopes) : PageModel
{
    public Person Person { get; private set; } = null!;
    public string UnitName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var person = await db.People.VisibleTo(db, scope).AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
        {
            return NotFound();
        }

        Person = person;
        UnitName = await db.Units.Where(u => u.Id == person.UnitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "—";
        return Page();
    }
}
