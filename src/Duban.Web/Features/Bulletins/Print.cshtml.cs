using Duban.Data;
using Duban.Documents;
using Duban.Domain.Access;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Bulletins;

/// <summary>The bulletin alone on an A4 page, for printing from the browser.</summary>
[Requires(Permission.Read)]
public sealed class PrintModel(DubanDb db, WorkContext work, IStringLocalizer<SharedResource> l) : PageModel
{
    public OfficialDocument Document { get; private set; } = null!;
    public int Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var bulletin = await db.Bulletins.AsNoTracking().VisibleTo(await work.ScopeAsync(ct), work.May(Permission.ComposeBulletins)).FirstOrDefaultAsync(b => b.Id == id, ct);
        if (bulletin is null)
        {
            return NotFound();
        }

        Id = id;
        Document = BulletinDocument.Build(bulletin, l);
        return Page();
    }
}
