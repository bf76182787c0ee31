// Node and edge component tables, at module scope so React Flow never sees them change.
import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { CallEdge } from './edges/CallEdge';
import { ComponentNode } from './nodes/ComponentNode';
import { GroupNode } from './nodes/GroupNode';
import { NoteNode } from './nodes/NoteNode';

export const nodeTypes: NodeTypes = { component: ComponentNode, group: GroupNode, note: NoteNode };
export const edgeTypes: EdgeTypes = { call: CallEdge };
