using Duban.Data;
using Duban.Domain.Access;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.Notices;

/// <summary>The signed-in account's in-app inbox. Opening it marks what it shows as read.</summary>
[Requires(Permission.OwnAccount)]
public sealed class InboxModel(DubanDb db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<MessageDto> Messages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = User.AccountId();
        Messages = await db.Messages.AsNoTracking().Where(m => m.AccountId == me)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(200)
            .Select(m => new MessageDto(m.Id, m.WorkItemId, m.NoticeId, m.BulletinId, m.Kind, m.Title, m.Body, m.CreatedAt, m.ReadAt)).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Messages.Where(m => m.AccountId == me && m.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAt, now), ct);
    }
}
