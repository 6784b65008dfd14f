using Duban.Data;
using Duban.Documents;
using Duban.Domain.Access;
using Duban.Domain.Bulletins;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Bulletins;

/// <summary>
/// One bulletin: the document as it will print, and for a draft the office's form beside it — save, refresh
/// the figures, issue (which saves the form first), or discard.
/// </summary>
[Requires(Permission.Read)]
public sealed class DetailsModel(DubanDb db, WorkContext work, EditBulletin edit, IssueBulletin issue, ComposeBulletin compose, DiscardBulletin discard, IStringLocalizer<SharedResource> l) : PageModel
{
    public Bulletin Bulletin { get; private set; } = null!;
    public OfficialDocument Document { get; private set; } = null!;
    public bool Office { get; private set; }

    [BindProperty]
    public BulletinInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = BulletinInput.From(Bulletin);
        return Page();
    }

    [Requires(Permission.ComposeBulletins)]
    public Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct) => SaveThenAsync(id, null, ct);

    [Requires(Permission.ComposeBulletins)]
    public Task<IActionResult> OnPostIssueAsync(int id, CancellationToken ct) => SaveThenAsync(id, async scope =>
    {
        var issued = await issue.RunAsync(scope, id, work.ActorName, ct);
        return issued.Kind == OutcomeKind.Ok ? (object)l["Bulletins.Issued", issued.Value!.Number].Value : issued;
    }, ct);

    [Requires(Permission.ComposeBulletins)]
    public async Task<IActionResult> OnPostRefreshAsync(int id, CancellationToken ct)
    {
        var scope = await work.ScopeAsync(ct);
        var bulletin = await db.Bulletins.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id && b.RegionId == scope.RegionId, ct);
        if (bulletin is null)
        {
            return NotFound();
        }

        var outcome = await compose.RunAsync(scope.RegionId, new ComposeInput { Kind = bulletin.Kind, Day = bulletin.PeriodStart }, work.ActorName, ct);
        if (outcome.Kind != OutcomeKind.Ok)
        {
            outcome.Errors!.CopyTo(ModelState, string.Empty);
            await LoadAsync(id, ct);
            Input = BulletinInput.From(Bulletin);
            return Page();
        }

        TempData["Flash"] = l["Bulletins.Refreshed"].Value;
        return Redirect($"/Bulletins/{id}");
    }

    [Requires(Permission.ComposeBulletins)]
    public async Task<IActionResult> OnPostDiscardAsync(int id, CancellationToken ct)
    {
        var outcome = await discard.RunAsync(await work.ScopeAsync(ct), id, ct);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (outcome.Kind == OutcomeKind.Invalid)
        {
            outcome.Errors!.CopyTo(ModelState, string.Empty);
            await LoadAsync(id, ct);
            Input = BulletinInput.From(Bulletin);
            return Page();
        }

        TempData["Flash"] = l["Bulletins.Discarded"].Value;
        return Redirect("/Bulletins");
    }

    /// <summary>Saves the form; then, if there is a next step, runs it (its message, or its refusal, is shown).</summary>
    private async Task<IActionResult> SaveThenAsync(int id, Func<Domain.Access.AccessScope, Task<object>>? next, CancellationToken ct)
    {
        var scope = await work.ScopeAsync(ct);
        var saved = await edit.RunAsync(scope, id, Input, ct);
        if (saved.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (saved.Kind == OutcomeKind.Invalid)
        {
            saved.Errors!.CopyTo(ModelState, "Input.");
            await LoadAsync(id, ct);
            return Page();
        }

        var flash = l["Common.Saved"].Value;
        if (next is not null)
        {
            switch (await next(scope))
            {
                case string message:
                    flash = message;
                    break;
                case Outcome<Bulletin> refused:
                    refused.Errors!.CopyTo(ModelState, string.Empty);
                    await LoadAsync(id, ct);
                    return Page();
            }
        }

        TempData["Flash"] = flash;
        return Redirect($"/Bulletins/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Office = work.May(Permission.ComposeBulletins);
        var bulletin = await db.Bulletins.AsNoTracking().VisibleTo(await work.ScopeAsync(ct), Office).FirstOrDefaultAsync(b => b.Id == id, ct);
        if (bulletin is null)
        {
            return false;
        }

        Bulletin = bulletin;
        Document = BulletinDocument.Build(bulletin, l);
        return true;
    }
}
