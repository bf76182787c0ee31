// Catalog icon names -> lucide components. The catalog stays React-free; this is the one place
// where its names meet the UI.
import {
  Archive,
  BoxSelect,
  Cloud,
  Cog,
  Database,
  DoorOpen,
  Globe,
  Inbox,
  Plug,
  Search,
  Server,
  Split,
  Square,
  StickyNote,
  Users,
  Waves,
  Zap,
  type LucideIcon,
} from 'lucide-react';
import type { NodeKind } from '../model';
import { CATALOG } from '../model';

const ICONS: Record<string, LucideIcon> = {
  users: Users,
  globe: Globe,
  cloud: Cloud,
  split: Split,
  'door-open': DoorOpen,
  server: Server,
  cog: Cog,
  zap: Zap,
  database: Database,
  inbox: Inbox,
  waves: Waves,
  search: Search,
  archive: Archive,
  plug: Plug,
  square: Square,
  'box-select': BoxSelect,
  'sticky-note': StickyNote,
};

export function kindIcon(kind: NodeKind): LucideIcon {
  return ICONS[CATALOG[kind].icon] ?? Square;
}
