namespace Duban.Data;

/// <summary>
/// One change to one entity (留痕). Rows are only ever added; the database refuses to delete them and to
/// update them except to seal them into their region's hash chain, once (docs/decisions/0015).
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public int? RegionId { get; set; }
    public DateTime At { get; set; }
    public int? ActorId { get; set; }
    public required string ActorName { get; set; }
    public required string EntityType { get; set; }
    public int EntityId { get; set; }
    public required string Action { get; set; }

    /// <summary>JSON object of the changed properties before the change; null when created.</summary>
    public string? Before { get; set; }

    /// <summary>JSON object of the changed properties after the change; null when deleted.</summary>
    public string? After { get; set; }

    /// <summary>The entry's place in its region's chain, given by the sealer shortly after it commits; null until then.</summary>
    public long? ChainSequence { get; set; }

    /// <summary>SHA-256 (hex) over the entry's content, its place and the previous entry's hash (<see cref="Domain.Audit.AuditChain"/>).</summary>
    public string? ChainHash { get; set; }

    public Domain.Audit.AuditRecord ToRecord() => new(Id, RegionId, At, ActorId, ActorName, EntityType, EntityId, Action, Before, After);
}

public static class AuditActions
{
    public const string Created = "Created";
    public const string Updated = "Updated";
    public const string Deleted = "Deleted";
}
