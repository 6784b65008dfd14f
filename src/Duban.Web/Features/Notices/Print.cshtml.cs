using Duban.Data;
using Duban.Documents;
using Duban.Domain.Access;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Notices;

/// <summary>A reminder letter or supervision notice alone on an A4 page, for whoever may see its item.</summary>
[Requires(Permission.Read)]
public sealed class PrintModel(DubanDb db, WorkContext work, IStringLocalizer<SharedResource> l) : PageModel
{
    public OfficialDocument Document { get; private set; } = null!;
    public int Id { get; private set; }
    public int TaskId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var facts = await NoticeDocument.LoadAsync(db, await work.ScopeAsync(ct), id, ct);
        if (facts is null)
        {
            return NotFound();
        }

        Id = id;
        TaskId = facts.Item.Id;
        Document = NoticeDocument.Build(facts, l);
        return Page();
    }
}
