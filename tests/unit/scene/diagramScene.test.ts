import { describe, expect, it } from 'vitest';
import { HEALTH_STYLE } from '../../../src/playback/healthStyle';
import { particleBuffer, particlesAt } from '../../../src/playback/particles';
import { projectFrame } from '../../../src/playback/project';
import { buildRunIndex } from '../../../src/playback/runIndex';
import { diagramScene } from '../../../src/scene/diagramScene';
import type { SceneItem } from '../../../src/scene/scene';
import { threeTier } from '../../helpers/builders';
import { HANG_FROM, hangRun } from '../../helpers/runs';

const run = hangRun();
const index = buildRunIndex(run);
const { diagram } = threeTier();

function sceneAt(t: number) {
  const particles = particleBuffer(500);
  particlesAt(index.hops, t, 450, particles);
  return { scene: diagramScene(diagram, { frame: projectFrame(index, t), particles, caption: { time: '0:20.0', line: 'Orders DB hangs' } }), particles };
}

const texts = (items: SceneItem[]) => items.flatMap((i) => (i.type === 'text' ? [i.text] : []));
const strokes = (items: SceneItem[]) => items.flatMap((i) => (i.type === 'path' && i.stroke ? [i.stroke.color] : []));

describe('diagramScene', () => {
  it('draws the replay state at a moment: the hung database down, its fault badge, dots in flight', () => {
    const { scene, particles } = sceneAt(HANG_FROM + 10_000);
    expect(texts(scene.items)).toEqual(expect.arrayContaining(['Hang', 'DOWN']));
    expect(strokes(scene.items)).toContain(HEALTH_STYLE.down.stroke);
    expect(particles.count).toBeGreaterThan(0);
    expect(scene.items.filter((i) => i.type === 'circle')).toHaveLength(particles.count);
    expect(texts(scene.overlay)).toEqual(['0:20.0', 'Orders DB hangs']);
  });

  it('shows no fault and no failure before the fault starts', () => {
    const { scene } = sceneAt(HANG_FROM - 2_000);
    expect(texts(scene.items)).not.toContain('Hang');
    expect(strokes(scene.items)).not.toContain(HEALTH_STYLE.down.stroke);
    expect(strokes(scene.items)).not.toContain(HEALTH_STYLE.failing.stroke);
  });

  it('fits the area asked for into the output size, below the caption strip', () => {
    const area = { x: 0, y: 0, width: 400, height: 100 };
    const scene = diagramScene(diagram, { area, size: { width: 1280, height: 720 }, caption: { time: '0:00.0', line: '' } });
    expect(scene.view.scale).toBeCloseTo(1280 / 400);
    expect(scene.view.offsetY).toBeCloseTo((720 - 48 - 100 * scene.view.scale) / 2);
  });
});
